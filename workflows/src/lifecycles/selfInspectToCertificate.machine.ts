/**
 * Lifecycle 4 — a batch from self-inspection to its 承诺达标合格证 (seeds 001, 003, 004; national
 * certificate rules). One case per batch (一批一证); the subject is the producer.
 */
import { assign, setup } from 'xstate';
import {
  CERTIFICATE_TITLE,
  certificateNumber,
  verificationCode,
  type CertificateFields,
  type CommitmentBasis,
} from '../certificates/certificateCode.js';
import type { CertificateParameters } from '../regions/types.js';
import { int, pinnedParameters, text, type Ev, type StartInput, type StateMeta } from './machineKit.js';

export interface BatchContext {
  params: CertificateParameters & { version: string };
  instanceId: string;
  batch: { productName: string; category: string; quantity: number; unit: string; origin: string; producerName: string; contact: string };
  selfInspection: { basis: CommitmentBasis; passed: boolean } | null;
  rapidTests: Array<{ result: string; drug: string }>;
  certificate: (CertificateFields & { title: typeof CERTIFICATE_TITLE; code: string; electronic: boolean }) | null;
  blockedBecause: string | null;
  enforcement: { sampleNo: string | null; result: string | null; caseNo: string | null; transferred: boolean } | null;
  credit: { list: 'black'; kind: string; note: string } | null;
  /** An official's withdrawal of the issued certificate (who and when are its journal entry's). */
  revocation?: { reason: string; revokedOn: string } | null;
}

export const selfInspectToCertificateMachine = setup({
  types: { context: {} as BatchContext, events: {} as Ev, input: {} as StartInput, meta: {} as StateMeta },
  guards: {
    inspectionPassed: ({ event }) => event.data.result === 'pass',
    suspectedBanned: ({ event }) => event.data.result === 'suspected-banned',
    nonconforming: ({ event }) => event.data.result === 'nonconforming',
    samplePositive: ({ event }) => event.data.result === 'positive',
  },
  actions: {
    keepSelfInspection: assign(({ event }) => ({ selfInspection: { basis: text(event, 'basis') as CommitmentBasis, passed: event.data.result === 'pass' } })),
    keepRapidTest: assign(({ context, event }) => ({ rapidTests: [...context.rapidTests, { result: text(event, 'result'), drug: text(event, 'drug') }] })),
    // seed 001 §三: 发现农兽药超标等情况及时告知种养殖户，禁止该农产品上市销售
    blockSelf: assign({ blockedBecause: 'self-inspection failed' }),
    blockRapid: assign({ blockedBecause: 'rapid test nonconforming' }),
    issue: assign(({ context, event }) => {
      const issuedOn = text(event, 'issuedOn');
      const fields: CertificateFields = {
        number: certificateNumber(context.params.regionCode, issuedOn, context.instanceId),
        productName: context.batch.productName,
        quantity: int(event, 'quantity') || context.batch.quantity,
        unit: context.batch.unit,
        origin: context.batch.origin,
        producerName: context.batch.producerName,
        contact: context.batch.contact,
        issuedOn,
        basis: context.selfInspection?.basis ?? 'commissioned-test',
      };
      return { certificate: { ...fields, title: CERTIFICATE_TITLE, code: verificationCode(fields), electronic: context.params.electronic } };
    }),
    keepEnforcementSample: assign(({ event }) => ({ enforcement: { sampleNo: text(event, 'sampleNo'), result: null, caseNo: null, transferred: false } })),
    keepEnforcementResult: assign(({ context, event }) => ({ enforcement: { ...context.enforcement!, result: text(event, 'result') } })),
    keepCase: assign(({ context, event }) => ({ enforcement: { ...context.enforcement!, caseNo: text(event, 'caseNo') } })),
    markTransferred: assign(({ context }) => ({ enforcement: { ...context.enforcement!, transferred: true } })),
    // seed 001 附件1 第6项 / seed 003 §(十六): 冒名开具、虚假合格 → 信用化管理, 黑名单
    keepCredit: assign(({ event }) => ({ credit: { list: 'black' as const, kind: text(event, 'kind'), note: text(event, 'note') } })),
    keepRevocation: assign(({ event }) => ({ revocation: { reason: text(event, 'reason'), revokedOn: text(event, 'revokedOn') } })),
  },
}).createMachine({
  id: 'batch',
  meta: {
    label: { zh: '自检到承诺达标合格证', en: 'Self-inspection to certificate' },
    description: { zh: '一批产品从自控自检到开具承诺达标合格证（一批一证）。', en: 'One batch, from self-inspection to its commitment certificate (one certificate per batch).' },
  },
  initial: 'batchOpen',
  context: ({ input }) => ({
    params: pinnedParameters(input, 'certificate'),
    instanceId: input.instanceId,
    batch: {
      productName: String(input.data.productName ?? ''),
      category: String(input.data.category ?? ''),
      quantity: Number(input.data.quantity ?? 0),
      unit: String(input.data.unit ?? ''),
      origin: String(input.data.origin ?? ''),
      producerName: String(input.data.producerName ?? ''),
      contact: String(input.data.contact ?? ''),
    },
    selfInspection: null,
    rapidTests: [],
    certificate: null,
    blockedBecause: null,
    enforcement: null,
    credit: null,
    revocation: null,
  }),
  states: {
    // seed 003 §(十三): 推动落实自控自检要求; seed 001 §三: 以行政村为单位快检
    batchOpen: {
      meta: {
        label: { zh: '待自检', en: 'Awaiting self-inspection' },
        description: { zh: '生产主体对本批产品自控自检，监管员可进行快检。', en: 'The producer self-inspects the batch; inspectors may rapid-test it.' },
      },
      on: {
        SELF_INSPECT: [
          { guard: 'inspectionPassed', target: 'readyToIssue', actions: 'keepSelfInspection' },
          { target: 'blocked', actions: ['keepSelfInspection', 'blockSelf'] },
        ],
        RAPID_TEST: [
          // seed 001 §三: 快检发现疑似禁用药物残留的，及时上报至区农业农村局启动执法抽检程序
          { guard: 'suspectedBanned', target: 'reportedToDistrict', actions: 'keepRapidTest' },
          { guard: 'nonconforming', target: 'blocked', actions: ['keepRapidTest', 'blockRapid'] },
          { actions: 'keepRapidTest' },
        ],
      },
    },
    readyToIssue: {
      meta: {
        label: { zh: '待开具合格证', en: 'Ready to issue certificate' },
        description: { zh: '检测合格，可开具承诺达标合格证。', en: 'The batch passed; the producer may issue the commitment certificate.' },
      },
      on: {
        ISSUE_CERTIFICATE: { target: 'certified', actions: 'issue' },
        RAPID_TEST: [
          { guard: 'suspectedBanned', target: 'reportedToDistrict', actions: 'keepRapidTest' },
          { guard: 'nonconforming', target: 'blocked', actions: ['keepRapidTest', 'blockRapid'] },
          { actions: 'keepRapidTest' },
        ],
      },
    },
    certified: {
      meta: {
        label: { zh: '已开具合格证', en: 'Certificate issued' },
        description: { zh: '已开具承诺达标合格证，留存期内可凭证码查验。', en: 'The commitment certificate is issued and can be verified by its code while it is kept.' },
      },
      on: {
        REPORT_FAKE: { target: 'creditRecorded', actions: 'keepCredit' },
        REVOKE_CERTIFICATE: { target: 'revoked', actions: 'keepRevocation' },
        RETENTION_ENDS: 'archived',
      },
    },
    reportedToDistrict: {
      meta: {
        label: { zh: '疑似禁用药，已上报', en: 'Suspected banned drug reported' },
        description: { zh: '快检发现疑似禁用药物残留，已上报区农业农村部门，待启动执法抽检程序。', en: 'A rapid test suggested a banned drug; the district bureau has been told and is to start enforcement sampling.' },
      },
      on: { START_ENFORCEMENT_SAMPLING: 'enforcementSampling' },
    },
    // DOMAIN.md §Roles: the enforcement team takes the enforcement sample; a lab enters the result
    enforcementSampling: {
      meta: {
        label: { zh: '待执法抽样', en: 'Awaiting enforcement sample' },
        description: { zh: '已启动执法抽检，由农业综合执法人员抽样。', en: 'Enforcement sampling has started; the enforcement team takes the sample.' },
      },
      on: { TAKE_ENFORCEMENT_SAMPLE: { target: 'labTesting', actions: 'keepEnforcementSample' } },
    },
    labTesting: {
      meta: {
        label: { zh: '执法抽检检测中', en: 'Enforcement sample at the lab' },
        description: { zh: '执法抽检样品由检测机构检测。', en: 'A testing body is testing the enforcement sample.' },
      },
      on: {
        ENFORCEMENT_RESULT: [
          // seed 001 §三: 一旦发现 … 违法情况，立即立案查处
          { guard: 'samplePositive', target: 'positive', actions: 'keepEnforcementResult' },
          { target: 'readyToIssue', actions: 'keepEnforcementResult' },
        ],
      },
    },
    positive: {
      meta: {
        label: { zh: '抽检阳性，待立案', en: 'Positive, case to be filed' },
        description: { zh: '执法抽检结果阳性，应立即立案查处。', en: 'The enforcement sample was positive; a case is to be filed at once.' },
      },
      on: { FILE_CASE: { target: 'caseFiled', actions: 'keepCase' } },
    },
    // seed 001 §四 / 附件1 第7项: 构成犯罪的及时将案件移送公安机关; seed 003 §(四) 有案必移
    caseFiled: {
      meta: {
        label: { zh: '立案查处中', en: 'Case under investigation' },
        description: { zh: '已立案查处；构成犯罪的移送公安机关。', en: 'A case is open; a crime is transferred to the police.' },
      },
      on: {
        TRANSFER_TO_POLICE: { target: 'transferredToPolice', actions: 'markTransferred' },
        CLOSE_CASE: 'caseClosed',
      },
    },
    blocked: {
      type: 'final',
      meta: {
        label: { zh: '禁止上市', en: 'Barred from sale' },
        description: { zh: '自检或快检不合格，已告知生产主体，本批产品禁止上市销售。', en: 'The batch failed self-inspection or a rapid test; the producer is told it must not be sold.' },
      },
    },
    archived: {
      type: 'final',
      meta: {
        label: { zh: '已归档', en: 'Archived' },
        description: { zh: '合格证留存期满，本批记录归档。', en: 'The certificate retention period is over; the batch is archived.' },
      },
    },
    revoked: {
      type: 'final',
      meta: {
        label: { zh: '合格证已撤销', en: 'Certificate revoked' },
        description: { zh: '监管部门撤销了本批合格证，查验时显示撤销原因、撤销人和时间。', en: 'An official revoked the certificate; verification shows the reason, who revoked it and when.' },
      },
    },
    creditRecorded: {
      type: 'final',
      meta: {
        label: { zh: '已列入黑名单', en: 'Blacklisted' },
        description: { zh: '发现冒名开具或虚假合格证，记入信用档案并列入黑名单。', en: 'An impersonated or false certificate was found; it is entered in the credit record and the producer blacklisted.' },
      },
    },
    transferredToPolice: {
      type: 'final',
      meta: {
        label: { zh: '已移送公安机关', en: 'Transferred to police' },
        description: { zh: '涉嫌犯罪，案件已移送公安机关。', en: 'A suspected crime: the case was transferred to the police.' },
      },
    },
    caseClosed: {
      type: 'final',
      meta: {
        label: { zh: '已结案', en: 'Case closed' },
        description: { zh: '执法案件已办结。', en: 'The enforcement case is closed.' },
      },
    },
  },
});
