/**
 * Demo data for the task-operation stories: the labelled sample review and panel workflows with the
 * Jiyuan people of a listDirectory, on the memory store, in the states people meet — a review claimed
 * by 李审核, one delegated to 赵审核, an expert panel half voted (one for, one against, one to vote), and
 * a case copied to 孙科长 (unread) whose holder was chased twice.
 */
import type { Actor } from '@nongan/engine';
import { directoryPeople, evaluationCase, people, submittedReview, taskEngine } from '../test/fixtures/taskSetup.js';

export const taskActors = {
  reviewer: people.sup1,
  colleague: people.sup2,
  district: people.district,
  municipal: people.municipal,
  expertVoted: people.expert1,
  expertToVote: people.expert3,
} satisfies Record<string, Actor>;

export type TaskActor = keyof typeof taskActors;

/** The people the embedding app offers its pickers (the engine has no listing for the client). */
export const storyPeople = directoryPeople;

const HOUR = 3_600_000;

export async function taskScenario() {
  const { engine, clock } = taskEngine();
  const opinion = (text: string) => ({ text });
  // t-101: claimed by 李审核; 赵审核 sees it taken.
  await submittedReview(engine, 't-101');
  clock.advance(HOUR);
  await engine.operate('t-101', { op: 'claim' }, { actor: people.sup1 });
  // t-102: 李审核 delegated the check of the stock to 赵审核, who has not handed it back yet.
  await submittedReview(engine, 't-102');
  await engine.operate('t-102', { op: 'delegate', to: 'sup-2', opinion: opinion('请现场核实存栏数量') }, { actor: people.sup1 });
  // t-103: claimed, copied to the district (unread), and chased twice.
  await submittedReview(engine, 't-103');
  await engine.operate('t-103', { op: 'claim' }, { actor: people.sup1 });
  await engine.operate('t-103', { op: 'copy', to: ['dist-1'], opinion: opinion('规模较大，请知悉') }, { actor: people.sup1 });
  clock.advance(2 * HOUR);
  await engine.operate('t-103', { op: 'chase' }, { actor: people.district });
  await engine.operate('t-103', { op: 'chase', opinion: opinion('请今日内完成初审') }, { actor: people.district });
  // p-201: three experts at 2/3, one for and one against so far: 冯专家's vote decides.
  await evaluationCase(engine, 'p-201');
  await engine.operate('p-201', { op: 'countersign', signers: ['exp-1', 'exp-2', 'exp-3'] }, { actor: people.municipal });
  clock.advance(HOUR);
  await engine.operate('p-201', { op: 'vote', data: { score: 86 }, opinion: opinion('用药记录规范，整改到位') }, { actor: people.expert1 });
  await engine.operate('p-201', { op: 'vote', data: { score: 72 }, opinion: opinion('停药期记录仍有缺失') }, { actor: people.expert2 });
  return { engine, clock };
}
