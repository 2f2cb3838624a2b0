/**
 * Each region's overlay of the base forms it uses: its own terms, its extra fields, its narrower
 * options. Forms without an entry get an empty overlay (the region uses the base as is). Every
 * overlay must keep the lifecycle contract (checked in test/forms.test.ts for every region).
 * `sample` adds values for fields a region makes required, so shared test data stays valid.
 */
import type { Overlay } from '@nongan/forms';
import type { RegionId } from '../regions/types.js';
import { VILLAGE_CLUSTERS } from '../calc/luoyangRotation.js';

export interface RegionalOverlay {
  overlay: Overlay;
  sample?: Record<string, unknown>;
}

const text = (zh: string, en: string) => ({ zh, en });
const villages = Object.values(VILLAGE_CLUSTERS).flat();

export const REGIONAL_OVERLAYS: Readonly<Record<RegionId, Readonly<Record<string, RegionalOverlay>>>> = {
  jiyuan: {
    'qr-registration': {
      overlay: {
        title: text('强制免疫"先打后补"注册（牧运通）', 'Subsidy registration (Muyuntong app)'),
        relabel: { farmName: { label: text('养殖场户名称', 'Farm (household) name') } },
        // seed 002 §四(一), §五(二): registration happens in the 牧运通 app
        add: { appAccount: { schema: { type: 'string', minLength: 1, maxLength: 50 }, field: { kind: 'text', label: text('牧运通账号', 'Muyuntong account') }, after: 'farmName' } },
      },
    },
    'qr-claim': {
      overlay: {
        // seed 002 §四(四): individuals are paid through the 一卡通 card
        add: { oneCardNo: { schema: { type: 'string', pattern: '^\\d{10,30}$' }, field: { kind: 'text', label: text('"一卡通"账号（个人）', '"One card" account (individuals)') } } },
      },
    },
  },
  beijing: {
    'cert-application': {
      overlay: {
        title: text('兽用抗菌药使用减量化达标养殖场申报', 'Reduced-antimicrobial-use farm application'),
        add: { district: { schema: { type: 'string', minLength: 2, maxLength: 20 }, field: { kind: 'text', label: text('所在区', 'District') }, required: true, after: 'farmName' } },
      },
      sample: { district: '顺义区' },
    },
    'cert-score': {
      overlay: { relabel: { score: { label: text('再评价得分（北京市减量化效果评价标准）', 'Score (Beijing evaluation standard)') } } },
    },
    'warn-finding': {
      overlay: { relabel: { source: { help: text('日常监测、专项检查、舆情信息（指南五(一)）', 'Monitoring, inspections, public opinion (guideline §5(1))') } } },
    },
  },
  kaizhou: {
    'sic-batch': {
      overlay: {
        relabel: { producerName: { label: text('试行主体名称', 'Trial producer') } },
        // seed 003 §(十七): 区域定格、网格定人、人员定责
        add: { gridCode: { schema: { type: 'string', pattern: '^[A-Z0-9-]{2,20}$' }, field: { kind: 'text', label: text('网格编号', 'Grid code') }, after: 'origin' } },
      },
    },
    'sic-rapid-test': { overlay: { tighten: { drug: { maxLength: 50 } } } },
  },
  'inner-mongolia': {
    'sic-batch': {
      overlay: {
        title: text('电子承诺达标合格证批次', 'Electronic certificate batch'),
        relabel: { producerName: { label: text('新型农牧业经营主体', 'New-type agri-pastoral producer') } },
        // seed 004 §二(三)5: 苏木乡镇—嘎查村—生产主体; §二(三)6: 电子合格证+追溯
        add: {
          sumu: { schema: { type: 'string', minLength: 2, maxLength: 30 }, field: { kind: 'text', label: text('苏木乡镇', 'Sumu / township') }, required: true, after: 'origin' },
          gacha: { schema: { type: 'string', minLength: 2, maxLength: 30 }, field: { kind: 'text', label: text('嘎查村', 'Gacha / village') }, required: true, after: 'sumu' },
          traceCode: { schema: { type: 'string', minLength: 4, maxLength: 64 }, field: { kind: 'text', label: text('主体追溯二维码', 'Producer traceability code') }, after: 'gacha' },
        },
      },
      sample: { sumu: '锡林浩特市宝力根苏木', gacha: '巴彦宝力格嘎查' },
    },
  },
  luoyang: {
    'sic-batch': {
      overlay: {
        // seed 001 §一, 附件2: 以行政村为单位; rotation by village cluster
        add: {
          village: {
            schema: { type: 'string', enum: villages },
            field: { kind: 'select', label: text('行政村', 'Village'), options: villages.map((v) => ({ value: v, label: text(v, v) })) },
            required: true,
            after: 'origin',
          },
        },
      },
      sample: { village: '洛东' },
    },
    // seed 001 附件1 第4项: 胶体金速测
    'sic-rapid-test': { overlay: { options: { method: [{ value: 'colloidal-gold', label: text('胶体金速测', 'Colloidal gold') }] } } },
  },
};
