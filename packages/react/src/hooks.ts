/** Live data hooks: a case, an actor's tasks and copies, a case's history with its hash-chain check, what the actor may do on a case. */
import type { Actor, ActorPart, AllowedOperations, CopiedCase, InstanceRecord, JournalEntry, Task, VerifyResult } from '@nongan/engine';
import { useMemo, useSyncExternalStore } from 'react';
import { useEngineContext } from './EngineProvider.js';
import { filterOptions, filterTaskRows, taskRows, type FilterOption, type TaskFilters, type TaskRow } from './inboxModel.js';
import { createLiveQuery, type QueryState } from './liveQuery.js';
import type { EngineChange } from '@nongan/engine';

export type LiveResult<T> = QueryState<T> & { reload: () => void };

function useLiveQuery<T>(key: string, load: () => Promise<T>, relevant: (change: EngineChange) => boolean): LiveResult<T> {
  const { changes } = useEngineContext();
  // `key` names everything `load` depends on; the query is rebuilt only when it changes.
  const query = useMemo(() => createLiveQuery(changes, load, relevant), [changes, key]);
  const state = useSyncExternalStore(query.subscribe, query.getSnapshot, query.getSnapshot);
  return { ...state, reload: query.reload };
}

function assertId(id: unknown, hook: string): asserts id is string {
  if (typeof id !== 'string' || id === '') throw new TypeError(`${hook}: instanceId must be a non-empty string / instanceId 须为非空字符串`);
}

export function assertActor(actor: unknown, where: string): asserts actor is Actor {
  const a = actor as Actor | null;
  if (typeof a !== 'object' || a === null || typeof a.id !== 'string' || a.id === '' || !Array.isArray(a.roles)) {
    throw new TypeError(`${where}: actor must be { id, roles, region?, subjects? } / actor 须为 { id, roles, region?, subjects? }`);
  }
}

const actorKey = (actor: Actor) => JSON.stringify([actor.id, actor.roles, actor.region ?? null, actor.subjects ?? []]);

/** The case, reloaded after every change to it. */
export function useInstance(instanceId: string): LiveResult<InstanceRecord> {
  assertId(instanceId, 'useInstance');
  const { engine } = useEngineContext();
  return useLiveQuery(`instance:${instanceId}`, () => engine.get(instanceId), (c) => c.instanceId === instanceId);
}

/** Events this actor may send to the case now (reloaded after every change to it). */
export function useAllowedEvents(instanceId: string, actor: Actor): LiveResult<string[]> {
  assertId(instanceId, 'useAllowedEvents');
  assertActor(actor, 'useAllowedEvents');
  const { engine } = useEngineContext();
  return useLiveQuery(`allowed:${instanceId}:${actorKey(actor)}`, () => engine.allowedEvents(instanceId, actor), (c) => c.instanceId === instanceId);
}

/** Task operations this actor may start on the case now, and where a return may go (reloaded after every change to it). */
export function useAllowedOperations(instanceId: string, actor: Actor): LiveResult<AllowedOperations> {
  assertId(instanceId, 'useAllowedOperations');
  assertActor(actor, 'useAllowedOperations');
  const { engine } = useEngineContext();
  return useLiveQuery(`operations:${instanceId}:${actorKey(actor)}`, () => engine.allowedOperations(instanceId, actor), (c) => c.instanceId === instanceId);
}

/** Cases copied to the actor (抄送我的), newest first. Any change may copy one, so every change reloads. */
export function useCopies(actor: Actor, options: { limit?: number } = {}): LiveResult<CopiedCase[]> {
  assertActor(actor, 'useCopies');
  const { engine } = useEngineContext();
  return useLiveQuery(`copies:${actorKey(actor)}:${options.limit ?? ''}`, () => engine.copies(actor, options), () => true);
}

/** 已办 (`acted`) or 我发起的 (`opened`): reloaded after every change (a step anywhere may be the actor's). */
export function useMyCases(actor: Actor, part: ActorPart, options: { limit?: number } = {}): LiveResult<InstanceRecord[]> {
  assertActor(actor, 'useMyCases');
  const { engine } = useEngineContext();
  return useLiveQuery(`my-cases:${part}:${actorKey(actor)}:${options.limit ?? ''}`, () => engine.casesOf(actor, part, options), () => true);
}

export interface HistoryData {
  entries: JournalEntry[];
  verification: VerifyResult;
}

/** The journal and its hash-chain check, reloaded after every change to the case. */
export function useHistory(instanceId: string): LiveResult<HistoryData> {
  assertId(instanceId, 'useHistory');
  const { engine } = useEngineContext();
  return useLiveQuery(
    `history:${instanceId}`,
    async () => {
      const [entries, verification] = await Promise.all([engine.history(instanceId), engine.verify(instanceId)]);
      return { entries, verification };
    },
    (c) => c.instanceId === instanceId,
  );
}

/** The case's journal alone (no check), or nothing while `instanceId` is null: for a form that shows what the case holds. */
export function useJournal(instanceId: string | null): LiveResult<JournalEntry[]> {
  const { engine } = useEngineContext();
  return useLiveQuery(
    `journal:${instanceId ?? ''}`,
    async () => (instanceId === null ? [] : engine.history(instanceId)),
    (c) => c.instanceId === instanceId,
  );
}

export interface TasksData {
  tasks: Task[];
  /** All rows, labelled, with working-day due dates as of the engine's clock. */
  allRows: TaskRow[];
  /** Rows passing the filters. */
  rows: TaskRow[];
  options: { workflows: FilterOption[]; states: FilterOption[] };
}

/**
 * The actor's open tasks. Any change may add or remove one (a case enters a state the actor acts in),
 * so every change reloads; the engine answers from its task index.
 */
export function useTasks(actor: Actor, filters: TaskFilters = {}, options: { limit?: number } = {}): LiveResult<TasksData> {
  assertActor(actor, 'useTasks');
  const { engine, locale } = useEngineContext();
  const result = useLiveQuery(`tasks:${actorKey(actor)}:${options.limit ?? ''}`, () => engine.tasks(actor, options), () => true);
  const lookup = (id: string, version: number) => engine.workflow(id, version);
  const data = useMemo((): TasksData | undefined => {
    if (!result.data) return undefined;
    const allRows = taskRows(result.data, lookup, engine.clock.now(), engine.calendar, locale);
    return { tasks: result.data, allRows, rows: filterTaskRows(allRows, filters), options: filterOptions(result.data, lookup, locale, filters.workflowId) };
  }, [result.data, locale, filters.workflowId, filters.state, filters.overdueOnly]);
  return { ...result, data } as LiveResult<TasksData>;
}
