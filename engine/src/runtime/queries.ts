/** Read side: a case, its history, an actor's tasks, instance queries, journal verification. */
import type { VerifyResult } from '../journal/journal.js';
import { verifyJournal } from '../journal/journal.js';
import { DEFAULT_QUERY_LIMIT, type ActorPart, type InstanceQuery } from '../store/store.js';
import type { Actor, InstanceRecord, JournalEntry } from '../types.js';
import { eventsActorMaySend, mayView, taskKeysOfActor } from './access.js';
import { allowedOperations, assignmentOf, type AllowedOperations, type Assignment } from '../tasks/allowedOperations.js';
import type { CopyNotice, Person } from '../tasks/work.js';
import { loadInstance } from './commands.js';
import type { EngineContext } from './context.js';
import { replayCase } from './replayCase.js';
import { caseAnchor } from './checkpoints.js';
import { assertActor, assertDivision, assertId } from './validateInput.js';
import { EngineError } from '../errors.js';

export interface Task {
  instance: InstanceRecord;
  /** Events this actor may send now. */
  events: string[];
  /** Earliest pending deadline of the case, if any. */
  dueAt: number | null;
  /** 待办 (mine: held by, delegated to or awaiting the vote of this actor, or a farm's own), 待认领 (the role's, unclaimed) or held by someone else. */
  assignment: Assignment;
  /** Who holds the task, when someone does. */
  holder?: Person;
}

/** A case copied to the actor (抄送我的), with the copy. */
export interface CopiedCase {
  instance: InstanceRecord;
  copy: CopyNotice;
}

export async function getInstance(ctx: EngineContext, instanceId: string): Promise<InstanceRecord> {
  // A copy: the loaded record is also the engine's cached copy, which callers must not be able to edit.
  return structuredClone((await loadInstance(ctx, instanceId)).record);
}

export async function history(ctx: EngineContext, instanceId: string): Promise<JournalEntry[]> {
  await loadInstance(ctx, instanceId);
  return ctx.store.getJournal(instanceId);
}

/**
 * The whole check of one case: its hash chain, then a replay of the journal through the workflow
 * against the stored case and its timer rows. Reads the stored record as it is (even a forged one).
 */
export async function verify(ctx: EngineContext, instanceId: string): Promise<VerifyResult> {
  assertId(instanceId, 'instanceId');
  const record = await ctx.store.getInstance(instanceId);
  if (!record) throw new EngineError('not-found', { en: `case ${instanceId} does not exist`, zh: `案件 ${instanceId} 不存在` }, { instanceId });
  const entries = await ctx.store.getJournal(instanceId);
  const chain = await verifyJournal(entries, record.journalHead);
  const anchor = await caseAnchor(ctx, instanceId, entries);
  const found = { ...(anchor.checkpoint ? { checkpoint: anchor.checkpoint } : {}) };
  // A broken chain is the finding; a replay over it would only repeat it at the same entry.
  if (!chain.ok) return { ...chain, problems: [...chain.problems, ...anchor.problems], ...found };
  const problems = [...anchor.problems, ...(await replayCase(ctx, record, entries, await ctx.store.timersOf(instanceId), ctx.clock.now()))];
  return { ok: problems.length === 0, entries: entries.length, problems, ...found };
}

/**
 * Open tasks of an actor, found through the task-key index. The index is a superset (keys carry role
 * and scope, not every rule); each hit is re-checked with the same rule `send` applies.
 */
export interface TaskQuery {
  /** Page size (default 200). */
  limit?: number;
  /** Cases to skip: pages follow the store's stable order; each page is sorted by deadline. */
  offset?: number;
}

export async function tasks(ctx: EngineContext, actor: Actor, options: TaskQuery = {}): Promise<Task[]> {
  assertActor(actor);
  const limit = options.limit ?? DEFAULT_QUERY_LIMIT;
  const offset = options.offset ?? 0;
  if (!Number.isInteger(limit) || limit < 1 || !Number.isInteger(offset) || offset < 0) {
    throw new EngineError('invalid-input', { en: 'tasks: limit must be an integer ≥ 1 and offset an integer ≥ 0', zh: '待办查询：limit 须为不小于 1 的整数，offset 须为不小于 0 的整数' }, { path: 'options' });
  }
  const records = await ctx.store.findByTaskKeys(taskKeysOfActor(actor), limit, offset);
  const out: Task[] = [];
  for (const instance of records) {
    const workflow = ctx.registry.get(instance.workflowId, instance.workflowVersion);
    const events = eventsActorMaySend(workflow, actor, instance);
    const standing = assignmentOf(workflow, actor, instance, events);
    if (standing) out.push({ instance, events, dueAt: instance.nextDueAt, ...standing });
  }
  return out.sort((a, b) => (a.dueAt ?? Infinity) - (b.dueAt ?? Infinity));
}

/** Cases copied to the actor, newest copy first; each copy is the latest one to this actor. */
export async function copies(ctx: EngineContext, actor: Actor, options: TaskQuery = {}): Promise<CopiedCase[]> {
  assertActor(actor);
  const records = await ctx.store.findByTaskKeys([`cc:${actor.id}`], options.limit ?? DEFAULT_QUERY_LIMIT, options.offset ?? 0);
  const out: CopiedCase[] = [];
  for (const instance of records) {
    const mine = (instance.work?.copies ?? []).filter((c) => c.to.id === actor.id);
    const copy = mine[mine.length - 1];
    // A copy is a read-only view: only for someone who may still see the case.
    const workflow = ctx.registry.get(instance.workflowId, instance.workflowVersion);
    if (copy && mayView(workflow, actor, instance)) out.push({ instance, copy });
  }
  return out.sort((a, b) => b.copy.at - a.copy.at);
}

/**
 * 已办 / 我发起的: the cases the actor acted on (a step after the start) or opened, the most recently
 * updated first, limited to those the actor may still see.
 */
export async function casesOf(ctx: EngineContext, actor: Actor, part: ActorPart, options: TaskQuery = {}): Promise<InstanceRecord[]> {
  assertActor(actor);
  if (part !== 'opened' && part !== 'acted') {
    throw new EngineError('invalid-input', { en: `part must be opened or acted, not ${String(part)}`, zh: `part 须为 opened（我发起的）或 acted（已办），而不是 ${String(part)}` }, { path: 'part' });
  }
  const records = await ctx.store.findByActor(actor.id, part, options.limit ?? DEFAULT_QUERY_LIMIT, options.offset ?? 0);
  return records.filter((instance) => mayView(ctx.registry.get(instance.workflowId, instance.workflowVersion), actor, instance));
}

/** Task operations `actor` may start on the case now (and where a return may go). */
export async function operationsAllowed(ctx: EngineContext, instanceId: string, actor: Actor): Promise<AllowedOperations> {
  assertActor(actor);
  const { record, workflow } = await loadInstance(ctx, instanceId);
  return allowedOperations(workflow, actor, record, await ctx.store.getJournal(instanceId));
}

/** Events `actor` may send to the case now: what a case view offers as actions. */
export async function allowedEvents(ctx: EngineContext, instanceId: string, actor: Actor): Promise<string[]> {
  assertActor(actor);
  const { record, workflow } = await loadInstance(ctx, instanceId);
  return eventsActorMaySend(workflow, actor, record);
}

const QUERY_KEYS = new Set(['workflowId', 'region', 'subject', 'division', 'state', 'status', 'limit', 'offset']);

export async function query(ctx: EngineContext, q: InstanceQuery): Promise<InstanceRecord[]> {
  assertQuery(q);
  return ctx.store.findInstances(q);
}

/** How many cases match, e.g. cases by state for a dashboard. */
export async function count(ctx: EngineContext, q: InstanceQuery): Promise<number> {
  assertQuery(q);
  return ctx.store.countInstances(q);
}

function assertQuery(q: InstanceQuery): void {
  if (typeof q !== 'object' || q === null) {
    throw new EngineError('invalid-input', { en: 'query must be an object', zh: '查询条件必须是对象' }, { path: 'query' });
  }
  const unknown = Object.keys(q).filter((k) => !QUERY_KEYS.has(k));
  if (unknown.length > 0) {
    throw new EngineError(
      'invalid-input',
      { en: `unknown query keys: ${unknown.join(', ')}`, zh: `未知的查询条件：${unknown.join('、')}` },
      { path: 'query', unknown },
    );
  }
  if (q.division !== undefined) assertDivision(q.division, 'query.division');
}
