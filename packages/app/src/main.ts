/**
 * Engine demo (replaced by the portal in a later issue): the sample qualification-review workflow on
 * Dexie/IndexedDB in this browser, with a demo clock, role switching, journal and hash-chain check.
 * Everything a role may or may not do is decided by the engine; the page only shows what it allows.
 */
import { createEngine, createManualClock, isEngineError, type Actor } from '@nongan/engine';
import { createDexieStore } from '@nongan/engine/dexie';
import { reviewWorkflow, sampleValidator, warningWorkflow } from '@nongan/engine/samples';
import { renderDemo } from './render.js';

const CLOCK_KEY = 'nongan-demo-clock';
const clock = createManualClock(Number(localStorage.getItem(CLOCK_KEY) ?? Date.now()));
const engine = createEngine({
  store: createDexieStore({ name: 'nongan-demo' }),
  workflows: [reviewWorkflow, warningWorkflow],
  validate: sampleValidator,
  clock,
});

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

function describeError(error: unknown): string {
  if (isEngineError(error)) return `${error.messageZh}\n${error.message}`;
  return String(error);
}

renderDemo(document.getElementById('app')!, {
  engine,
  clock,
  actors: demoActors,
  exampleData,
  describeError,
  saveClock: () => localStorage.setItem(CLOCK_KEY, String(clock.now())),
});
engine.startScheduler({ pollMs: 5_000 });
