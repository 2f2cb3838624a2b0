/**
 * Demo data for the stories: Jiyuan qualification cases at every stage, on the memory store, with
 * the clock stopped on Wednesday 11 March 2026 so that a public notice that ended on 9 March is
 * overdue (the app was closed; nothing fired it yet), as a reviewer would find it.
 */
import { createEngine, createManualClock, createMemoryStore, type Actor, type Engine, type Store } from '@nongan/engine';
import { reviewWorkflow, warningWorkflow } from '@nongan/engine/samples';
import { formValidator } from '../test/fixtures/setup.js';
import { labelledReviewWorkflow } from '../test/fixtures/labelledWorkflow.js';

export const storyActors = {
  farm: { id: 'farm-user-1', name: '王建国', roles: ['producer'], region: 'jiyuan', subjects: ['farm-1', 'farm-3'] },
  supervision: { id: 'sup-jy-01', name: '李审核', roles: ['supervision'], region: 'jiyuan' },
  district: { id: 'dist-jy-01', name: '赵科长', roles: ['district'], region: 'jiyuan' },
  newcomer: { id: 'farm-user-9', roles: ['producer'], region: 'jiyuan', subjects: ['farm-9'] },
} satisfies Record<string, Actor>;

export type StoryActor = keyof typeof storyActors;

const CST = (local: string) => Date.parse(`${local}:00+08:00`);
export const STORY_NOW = CST('2026-03-11T09:30');

const farms = {
  'farm-1': { farmName: '济源市承留镇示范养殖场', headCount: 1200 },
  'farm-2': { farmName: '济源市思礼镇牧原养殖专业合作社', headCount: 650 },
  'farm-3': { farmName: '济源市轵城镇小庄生猪养殖场', headCount: 320 },
  'farm-4': { farmName: '济源市克井镇顺达养殖场', headCount: 2800 },
  'farm-5': { farmName: '济源市王屋镇山泉生态牧场', headCount: 410 },
  'farm-6': { farmName: '济源市坡头镇张家养殖户', headCount: 120 },
} as const;

type FarmId = keyof typeof farms;
const farmActor = (subject: FarmId): Actor => ({ id: `user-${subject}`, roles: ['producer'], region: 'jiyuan', subjects: [subject] });

/** Opens and submits a case for a farm at a given China time. */
async function submitted(engine: Engine, clock: ReturnType<typeof createManualClock>, id: string, subject: FarmId, at: string, workflowId = 'qualification-demo') {
  clock.set(CST(at));
  const data = { ...farms[subject] };
  await engine.start(workflowId, { actor: farmActor(subject), region: 'jiyuan', subject, data, instanceId: id });
  await engine.send(id, { type: 'SUBMIT', data }, { actor: farmActor(subject) });
}

/** Seeds the Jiyuan cases; returns the engine and clock, the clock stopped at STORY_NOW. */
export async function jiyuanScenario(store: Store = createMemoryStore()) {
  const clock = createManualClock(CST('2026-02-24T09:00'));
  const engine = createEngine({ store, clock, workflows: [reviewWorkflow, warningWorkflow, labelledReviewWorkflow], validate: formValidator, messageDelivery: 'manual' });
  const { supervision, district } = storyActors;
  // q-101: submitted this week, waiting for the initial review.
  await submitted(engine, clock, 'q-101', 'farm-1', '2026-03-09T10:12');
  // q-102: initial review passed, waiting for the final review.
  await submitted(engine, clock, 'q-102', 'farm-2', '2026-03-03T15:40');
  clock.set(CST('2026-03-05T11:00'));
  await engine.send('q-102', { type: 'APPROVE' }, { actor: supervision });
  // q-103: returned to the farm (documents incomplete), 10 working days to correct.
  await submitted(engine, clock, 'q-103', 'farm-3', '2026-03-04T08:50');
  clock.set(CST('2026-03-06T14:20'));
  await engine.send('q-103', { type: 'RETURN', data: { reason: '免疫记录缺少 2 月份疫苗入库单，请补充后重新提交。' } }, { actor: supervision });
  // q-104: approved twice on 2 March, public notice of 5 working days ended 9 March: overdue now.
  await submitted(engine, clock, 'q-104', 'farm-4', '2026-02-25T09:30');
  clock.set(CST('2026-02-27T10:00'));
  await engine.send('q-104', { type: 'APPROVE' }, { actor: supervision });
  clock.set(CST('2026-03-02T16:00'));
  await engine.send('q-104', { type: 'APPROVE' }, { actor: district });
  // q-105: qualified after its notice; q-106: waived after a return was not corrected in time.
  await submitted(engine, clock, 'q-105', 'farm-5', '2026-02-24T09:10');
  clock.set(CST('2026-02-24T15:00'));
  await engine.send('q-105', { type: 'APPROVE' }, { actor: supervision });
  await engine.send('q-105', { type: 'APPROVE' }, { actor: district });
  clock.set(CST('2026-03-04T09:00'));
  await engine.runDueTimers();
  // q-100: a new farm's draft (120 pigs: below the scale threshold, the engine will refuse it).
  clock.set(CST('2026-03-10T16:30'));
  await engine.start('qualification-demo', { actor: farmActor('farm-6'), region: 'jiyuan', subject: 'farm-6', data: { ...farms['farm-6'] }, instanceId: 'q-100' });
  // s-201: the unlabelled engine sample, to show the fallback to state keys.
  await submitted(engine, clock, 's-201', 'farm-1', '2026-03-10T17:05', 'sample-review');
  clock.set(STORY_NOW);
  return { engine, clock, store };
}

/** The same data with one journal entry edited behind the engine's back: verification must fail. */
export async function tamperedScenario() {
  const { store } = await jiyuanScenario();
  const dump = await store.exportAll();
  const entry = dump.journal.find((e) => e.instanceId === 'q-103' && e.event.type === 'RETURN');
  if (entry) entry.event.data = { reason: '（已被篡改）资料齐全' };
  const copy = createMemoryStore();
  await copy.importAll(dump);
  const engine = createEngine({ store: copy, clock: createManualClock(STORY_NOW), workflows: [reviewWorkflow, warningWorkflow, labelledReviewWorkflow], validate: formValidator, messageDelivery: 'manual' });
  return { engine };
}
