/** The demo's actors, example event data and error text: shared by the page and its browser test. */
import { isEngineError, type Actor } from '@nongan/engine';

export const demoActors: Record<string, Actor & { label: string }> = {
  farm: { id: 'farm-user', label: '养殖场（生产主体）/ Farm', roles: ['producer'], region: 'jiyuan', subjects: ['farm-001'] },
  supervision: { id: 'sup-jiyuan', label: '动物卫生监督机构 / Supervision', roles: ['supervision'], region: 'jiyuan' },
  district: { id: 'dist-jiyuan', label: '示范区农业农村局 / District bureau', roles: ['district'], region: 'jiyuan' },
  municipal: { id: 'muni-jiyuan', label: '市农业农村局 / Municipal bureau', roles: ['municipal'], region: 'jiyuan' },
  beijing: { id: 'dist-beijing', label: '北京区农业农村局（外地区）/ Beijing district (other region)', roles: ['district'], region: 'beijing' },
};

/** Example data per event form, editable on the page before sending. */
export const exampleData: Record<string, Record<string, unknown>> = {
  SUBMIT: { farmName: '济源示范生猪养殖场', headCount: 320 },
  RETURN: { reason: '资料不全，请补充免疫记录' },
  OBJECT: { reason: '公示期收到异议' },
  DISQUALIFY: { reason: '申报材料弄虚作假' },
};

export function describeError(error: unknown): string {
  if (isEngineError(error)) return `${error.messageZh}\n${error.message}`;
  return String(error);
}
