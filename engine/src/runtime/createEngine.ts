/**
 * The engine's public face: wires a store, registered workflows, a clock, a business calendar and an
 * injected form validator, and exposes the operations. All rules live in the modules it calls.
 */
import { createChineseCalendar, type BusinessCalendar } from '../calendar/businessCalendar.js';
import { EngineError } from '../errors.js';
import type { VerifyResult } from '../journal/journal.js';
import type { ActorPart, InstanceQuery, Store, StoreDump } from '../store/store.js';
import type { DumpProblem } from '../journal/verifyDump.js';
import { checkDump, importVerified } from './importDump.js';
import type { CheckpointSigner } from '../journal/checkpoint.js';
import { makeCheckpoints, startCheckpointing, verifyCheckpoints, type CheckpointReport, type Checkpointing, type CheckpointVerifyResult } from './checkpoints.js';
import type { Actor, Clock, EventDataValidator, InstanceRecord, JournalEntry, SendResult, WorkflowEvent } from '../types.js';
import type { WorkflowDefinition } from '../workflow/defineWorkflow.js';
import { WorkflowRegistry } from '../workflow/registry.js';
import { sendEvent, startInstance, type SendOptions, type StartOptions } from './commands.js';
import type { EngineContext } from './context.js';
import { InstanceCache } from './instanceCache.js';
import { defaultCaseNumberSeries, type CaseNumberSeries } from './caseNumber.js';
import { migrateInstances, type MigrateOptions, type MigrationReport } from './migrate.js';
import { deliverOutbox, type OutboxReport } from './outbox.js';
import { allowedEvents, casesOf, copies, count, getInstance, history, operationsAllowed, query, tasks, verify, type CopiedCase, type Task, type TaskQuery } from './queries.js';
import { operate, type OperateOptions } from './operate.js';
import type { TaskOperation } from '../tasks/operations.js';
import type { AllowedOperations } from '../tasks/allowedOperations.js';
import type { PeopleDirectory } from '../tasks/directory.js';
import { runDueTimers, startScheduler, type Scheduler, type TimerRunReport } from './timers.js';

export interface EngineOptions {
  store: Store;
  workflows: readonly WorkflowDefinition[];
  /** Defaults to the system clock; tests and the demo clock inject their own. */
  clock?: Clock;
  /** Defaults to the Chinese working-day calendar with the bundled State Council data. */
  calendar?: BusinessCalendar;
  /** Validates event data against a form; required when any workflow event names a form. */
  validate?: EventDataValidator;
  /** Roles allowed to migrate cases between workflow versions (default `config`). */
  migrateRoles?: readonly string[];
  /** `auto` (default) delivers cross-case messages right after the commit that wrote them. */
  messageDelivery?: 'auto' | 'manual';
  newId?: () => string;
  /**
   * Cases kept as this engine's last known copy, to save a read per step (default 1000). Processes
   * that share a database with other writers (several servers) pass 0: every step then starts from
   * the stored case, so another server's step is never mistaken for a conflicting one.
   */
  cacheSize?: number;
  /**
   * Signs checkpoints of journal heads (`engine.checkpoint()`) and checks them in `verify` and on import.
   * Its key must live outside the store (the server's key file, the browser installation's key).
   */
  checkpointSigner?: CheckpointSigner;
  /**
   * Who the people a task operation names are (a transfer's recipient, a panel's signers, a copy's
   * readers), so their roles and scope are checked. Without it, operations that name people are refused.
   */
  directory?: PeopleDirectory;
  /**
   * The series a new case's 受理编号 comes from (`{series}-000123`); default the region and the China
   * year (`jiyuan-2026`). Regions name theirs for people (`济源-2026`).
   */
  caseNumberSeries?: CaseNumberSeries;
  /** Background failures (message delivery, scheduler) are reported here; default console.error. */
  onError?: (error: unknown) => void;
}

/** What one committed step changed: enough for a view to decide whether to reload. */
export interface EngineChange {
  instanceId: string;
  workflowId: string;
  region: string;
  subject: string;
  /** The case's division, when it has one (data scope is matched against it). */
  division?: string;
  revision: number;
  seq: number;
  kind: JournalEntry['kind'];
  eventType: string;
  stateKey: string;
  status: InstanceRecord['status'];
}

export interface Engine {
  start(workflowId: string, options: StartOptions): Promise<SendResult>;
  send(instanceId: string, event: WorkflowEvent, options: SendOptions): Promise<SendResult>;
  /**
   * A task operation (认领 claim, 转办 transfer, 委派 delegate, 退回 return, 撤回 withdraw, 会签 countersign
   * and votes, 加签/减签, 抄送 copy, 催办 chase …), journaled like a step; refused with the reason when not allowed.
   */
  operate(instanceId: string, operation: TaskOperation, options: OperateOptions): Promise<SendResult>;
  /** Task operations the actor may start on the case now, and the states a return may go to. */
  allowedOperations(instanceId: string, actor: Actor): Promise<AllowedOperations>;
  /** Cases copied to the actor (抄送我的), newest first, with read/unread. */
  copies(actor: Actor, options?: TaskQuery): Promise<CopiedCase[]>;
  /** 已办 (`acted`: cases the actor took a step in) and 我发起的 (`opened`), the most recently updated first. */
  casesOf(actor: Actor, part: ActorPart, options?: TaskQuery): Promise<InstanceRecord[]>;
  get(instanceId: string): Promise<InstanceRecord>;
  history(instanceId: string): Promise<JournalEntry[]>;
  tasks(actor: Actor, options?: TaskQuery): Promise<Task[]>;
  /** Events the actor may send to this case now (role, region, subject and state all checked). */
  allowedEvents(instanceId: string, actor: Actor): Promise<string[]>;
  query(query: InstanceQuery): Promise<InstanceRecord[]>;
  count(query: InstanceQuery): Promise<number>;
  /**
   * Checks one case: its hash chain, and a replay of its journal through the workflow that must give
   * the stored case (state, context, status, tasks, deadlines) and its timer rows; problems by field.
   */
  verify(instanceId: string): Promise<VerifyResult>;
  runDueTimers(now?: number): Promise<TimerRunReport>;
  deliverMessages(limit?: number): Promise<OutboxReport>;
  migrate(ids: readonly string[], toVersion: number, options: MigrateOptions): Promise<MigrationReport>;
  /**
   * Restores a dump (a backup, a bulk load) into the store: every case's hash chain is verified and
   * every row must belong to a case of the dump before anything is written; then one store import.
   * Refused with `invalid-input` (details.problems) when a check fails, `conflict` when a key exists.
   */
  importAll(dump: StoreDump): Promise<{ instances: number; journal: number }>;
  /**
   * What `importAll` checks, without writing: the dump's shape, every row's case, every hash chain,
   * and every case replayed through its workflow against its record and timer rows. Empty when sound.
   */
  checkDump(dump: unknown, maxProblems?: number): Promise<DumpProblem[]>;
  /**
   * Signs a checkpoint of every case head that moved since the last one (several when many moved); none
   * when nothing moved. Needs `checkpointSigner` and a store that keeps checkpoints.
   */
  checkpoint(): Promise<CheckpointReport>;
  /** Walks every checkpoint (signature, chain) and holds every case's journal to its last anchored head. */
  verifyCheckpoints(): Promise<CheckpointVerifyResult>;
  /** Signs a checkpoint now (without waiting) and every `everyMs` (default a minute), until stopped. */
  startCheckpoints(options?: { everyMs?: number }): Checkpointing;
  /** Fires overdue timers now, then as they fall due, until stopped. */
  startScheduler(options?: { pollMs?: number }): Scheduler;
  /** Resolves when background message delivery has settled (for tests and orderly shutdown). */
  idle(): Promise<void>;
  /**
   * Calls `listener` after every committed step of this engine (start, send, deadline, message,
   * migration), so views can refresh. Not called for other engines or tabs on the same store.
   * Returns the unsubscribe function.
   */
  subscribe(listener: (change: EngineChange) => void): () => void;
  register(workflow: WorkflowDefinition): void;
  workflow(id: string, version?: number): WorkflowDefinition;
  readonly calendar: BusinessCalendar;
  readonly clock: Clock;
}

function usesForms(workflow: WorkflowDefinition): boolean {
  return workflow.start.form !== undefined || Object.values(workflow.events).some((e) => e.form !== undefined);
}

export function createEngine(options: EngineOptions): Engine {
  if (!options || typeof options.store?.commit !== 'function') {
    throw new EngineError('invalid-input', { en: 'createEngine needs a store', zh: 'createEngine 需要 store' }, { path: 'store' });
  }
  if (!Array.isArray(options.workflows)) {
    throw new EngineError('invalid-input', { en: 'createEngine needs workflows: WorkflowDefinition[]', zh: 'createEngine 需要 workflows 列表' }, { path: 'workflows' });
  }
  const registry = new WorkflowRegistry([]);
  const checkValidator = (workflow: WorkflowDefinition) => {
    if (!options.validate && usesForms(workflow)) {
      throw new EngineError('invalid-definition', {
        en: `${workflow.id}@${workflow.version} names forms, so createEngine needs a validate function`,
        zh: `${workflow.id}@${workflow.version} 使用了表单，createEngine 须提供 validate 校验函数`,
      });
    }
    registry.register(workflow);
  };
  options.workflows.forEach(checkValidator);

  const onError = options.onError ?? ((error: unknown) => console.error('[nongan engine]', error));
  const ctx: EngineContext = {
    store: options.store,
    registry,
    clock: options.clock ?? { now: () => Date.now() },
    calendar: options.calendar ?? createChineseCalendar(),
    validate: options.validate,
    newId: options.newId ?? (() => globalThis.crypto.randomUUID()),
    cache: new InstanceCache(options.cacheSize ?? 1000),
    caseNumberSeries: options.caseNumberSeries ?? defaultCaseNumberSeries,
    ...(options.checkpointSigner ? { checkpointSigner: options.checkpointSigner } : {}),
    ...(options.directory ? { directory: options.directory } : {}),
  };

  let background: Promise<unknown> = Promise.resolve();
  const deliverInBackground = () => {
    background = background.then(() => deliverOutbox(ctx)).catch(onError);
  };
  if ((options.messageDelivery ?? 'auto') === 'auto') {
    ctx.afterCommit = (change) => {
      if (change.outboxToAdd.length > 0) deliverInBackground();
    };
  }
  const migrateRoles = options.migrateRoles ?? ['config'];
  const listeners = new Set<(change: EngineChange) => void>();
  const deliverMessagesAfter = ctx.afterCommit;
  ctx.afterCommit = (change) => {
    deliverMessagesAfter?.(change);
    if (listeners.size === 0) return;
    const { instance, journal } = change;
    const notice: EngineChange = {
      instanceId: instance.id,
      workflowId: instance.workflowId,
      region: instance.region,
      subject: instance.subject,
      ...(instance.division !== undefined ? { division: instance.division } : {}),
      revision: instance.revision,
      seq: journal.seq,
      kind: journal.kind,
      eventType: journal.event.type,
      stateKey: instance.stateKey,
      status: instance.status,
    };
    // A failing listener must not fail the step that was already committed.
    for (const listener of [...listeners]) {
      try {
        listener(notice);
      } catch (error) {
        onError(error);
      }
    }
  };

  return {
    start: (workflowId, startOptions) => startInstance(ctx, workflowId, startOptions),
    send: (instanceId, event, sendOptions) => sendEvent(ctx, instanceId, event, sendOptions),
    operate: (instanceId, operation, operateOptions) => operate(ctx, instanceId, operation, operateOptions),
    allowedOperations: (instanceId, actor) => operationsAllowed(ctx, instanceId, actor),
    copies: (actor, copyOptions) => copies(ctx, actor, copyOptions),
    casesOf: (actor, part, caseOptions) => casesOf(ctx, actor, part, caseOptions),
    get: (instanceId) => getInstance(ctx, instanceId),
    history: (instanceId) => history(ctx, instanceId),
    tasks: (actor, taskOptions) => tasks(ctx, actor, taskOptions),
    allowedEvents: (instanceId, actor) => allowedEvents(ctx, instanceId, actor),
    query: (q) => query(ctx, q),
    count: (q) => count(ctx, q),
    verify: (instanceId) => verify(ctx, instanceId),
    runDueTimers: (now) => runDueTimers(ctx, now ?? ctx.clock.now()),
    deliverMessages: (limit) => deliverOutbox(ctx, limit),
    migrate: (ids, toVersion, migrateOptions) => migrateInstances(ctx, ids, toVersion, migrateOptions, migrateRoles),
    importAll: (dump) => importVerified(ctx, dump),
    checkDump: (dump, maxProblems) => checkDump(ctx, dump, maxProblems),
    checkpoint: () => makeCheckpoints(ctx),
    verifyCheckpoints: () => verifyCheckpoints(ctx),
    startCheckpoints: (checkpointOptions) => startCheckpointing(ctx, checkpointOptions?.everyMs ?? 60_000, onError),
    startScheduler: (schedulerOptions) =>
      startScheduler(ctx, async () => void (await deliverOutbox(ctx)), onError, schedulerOptions?.pollMs),
    idle: async () => {
      let seen;
      do {
        seen = background;
        await seen;
      } while (seen !== background);
    },
    subscribe: (listener) => {
      if (typeof listener !== 'function') {
        throw new EngineError('invalid-input', { en: 'subscribe needs a listener function', zh: 'subscribe 需要监听函数' }, { path: 'listener' });
      }
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    register: checkValidator,
    workflow: (id, version) => registry.get(id, version),
    calendar: ctx.calendar,
    clock: ctx.clock,
  };
}
