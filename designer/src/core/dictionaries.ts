/**
 * Named option lists a field may take its options from (`optionsFrom`). The designer copies the
 * dictionary's options into the field (the schema enum must list the values) and records the
 * dictionary's name, so a later dictionary change can be found and re-applied deliberately.
 */
import type { FieldOption } from '@nongan/forms';

const o = (value: string, zh: string, en: string): FieldOption => ({ value, label: { zh, en } });

export const DICTIONARIES: Record<string, { label: { zh: string; en: string }; options: FieldOption[] }> = {
  species: {
    label: { zh: '畜禽种类', en: 'Livestock species' },
    options: [o('pig', '生猪', 'Pigs'), o('cattle', '牛', 'Cattle'), o('sheep', '羊', 'Sheep'), o('poultry', '家禽', 'Poultry'), o('aquatic', '水产', 'Aquatic')],
  },
  compulsoryVaccines: {
    label: { zh: '强制免疫病种', en: 'Compulsory vaccinations' },
    options: [o('fmd', '口蹄疫', 'Foot-and-mouth disease'), o('hpai', '高致病性禽流感', 'HPAI'), o('ppr', '小反刍兽疫', 'PPR'), o('brucellosis', '布鲁氏菌病', 'Brucellosis')],
  },
  regions: {
    label: { zh: '试点地区', en: 'Pilot regions' },
    options: [o('beijing', '北京市', 'Beijing'), o('luoyang', '洛阳镇', 'Luoyang town'), o('jiyuan', '济源示范区', 'Jiyuan'), o('kaizhou', '重庆市开州区', 'Kaizhou, Chongqing'), o('inner-mongolia', '内蒙古自治区', 'Inner Mongolia')],
  },
};
