/**
 * `createRemoteEngine`: the engine interface the widgets use (start, send, get, history, tasks,
 * allowedEvents, query, count, verify, subscribe, workflow), answered by a Nong'an server. Who acts is
 * the signed-in session, decided on the server: the `actor` arguments of the interface are not sent.
 * Workflow definitions are the same code the server runs (diagrams and labels need them locally).
 *
 * With an offline store, reads fall back to the device's last answer when the server cannot be
 * reached, and commands given offline are queued with their commandIds and replayed when it answers
 * again (see commandQueue.ts); a queued command's result says `queued: true`.
 */
import {
  createChineseCalendar,
  EngineError,
  WorkflowRegistry,
  type Actor,
  type AllowedOperations,
  type CopiedCase,
  type BusinessCalendar,
  type Clock,
  type Engine,
  type EngineChange,
  type InstanceQuery,
  type InstanceRecord,
  type JournalEntry,
  type SendOptions,
  type SendResult,
  type StartOptions,
  type Task,
  type VerifyResult,
  type WorkflowDefinition,
  type WorkflowEvent,
} from '@nongan/engine';
import { createCommandQueue, sendCommand, type CommandQueue } from './commandQueue.js';
import { isOfflineError, type ServerConnection } from './connection.js';
import { createLiveSteps, type EventSourceFactory, type LiveSteps } from './liveSteps.js';
import type { OfflineStore, QueuedCommand } from './offlineStore.js';

/** The server's page size limits (GET /api/cases, GET /api/tasks). */
const SERVER_PAGE = 500;
/** Case lists longer than this are not kept on the device (a dashboard's whole region). */
const CACHED_LIST_LIMIT = 1000;

export interface RemoteSendResult extends SendResult {
  /** The server could not be reached: the command waits on this device and is sent when it can be. */
  queued?: true;
}

export interface RemoteEngineOptions {
  connection: ServerConnection;
  /** The lifecycles the server runs (e.g. `createRegionEngineOptions().workflows`). */
  workflows: readonly WorkflowDefinition[];
  offline?: OfflineStore;
  /** Opens the live stream; default: the browser's EventSource with credentials. */
  eventSource?: EventSourceFactory;
  calendar?: BusinessCalendar;
  clock?: Clock;
  newId?: () => string;
}

export interface RemoteEngine extends Engine {
  start(workflowId: string, options: StartOptions): Promise<RemoteSendResult>;
  send(instanceId: string, event: WorkflowEvent, options: SendOptions): Promise<RemoteSendResult>;
  readonly connection: ServerConnection;
  /** The offline queue, when an offline store was given. */
  readonly queue: CommandQueue | null;
  readonly live: LiveSteps;
  /** Called when views should reload everything (reconnected, stream reset, the queue changed). */
  onReload(listener: () => void): () => void;
  close(): void;
}

function onServer(what: string): never {
  throw new EngineError('forbidden', { en: `${what} runs on the server, not in a client`, zh: `${what} 在服务器上运行，客户端不能调用` }, { operation: what });
}

function casesQuery(query: InstanceQuery, limit: number, offset: number): Record<string, string | number | undefined> {
  const { workflowId, region, subject, state, status } = query;
  // `division` is not sent: the server limits every list to the caller's data scope itself.
  return { workflowId, region, subject, state, status, limit, offset };
}

export function createRemoteEngine(options: RemoteEngineOptions): RemoteEngine {
  const { connection, offline } = options;
  const registry = new WorkflowRegistry(options.workflows);
  const clock = options.clock ?? { now: () => Date.now() };
  const newId = options.newId ?? (() => globalThis.crypto.randomUUID());
  const queue = offline ? createCommandQueue(offline, connection, clock.now) : null;
  const streamUrl = `${connection.baseUrl}/api/events`;
  const live = createLiveSteps(
    streamUrl,
    options.eventSource ?? ((url) => new EventSource(url, { withCredentials: true }) as unknown as ReturnType<EventSourceFactory>),
  );
  const reloadListeners = new Set<() => void>();
  const reload = () => {
    for (const listener of [...reloadListeners]) listener();
  };
  queue?.onChange(reload);
  // Back online: the waiting commands go first, then everything reloads from the server.
  live.onConnection((connected) => {
    if (connected && queue) void queue.replay();
  });

  /** A read that the device remembers, answered from memory when the server cannot be reached. */
  async function read<T>(key: string | null, load: () => Promise<T>): Promise<T> {
    try {
      const value = await load();
      if (offline && key) await offline.keep(key, value, clock.now());
      return value;
    } catch (error) {
      if (offline && key && isOfflineError(error)) {
        const kept = await offline.cached(key);
        if (kept) return kept.value as T;
      }
      throw error;
    }
  }

  async function waitingFor(instanceId: string): Promise<QueuedCommand[]> {
    return queue ? (await queue.list()).filter((c) => c.instanceId === instanceId && c.status === 'waiting') : [];
  }

  /** Sends now; when the server cannot be reached and there is an offline store, queues instead. */
  async function command(entry: QueuedCommand, known: Pick<SendResult, 'revision' | 'state' | 'stateKey' | 'status' | 'seq'>): Promise<RemoteSendResult> {
    // Commands wait behind earlier waiting ones of the same case, so they reach the server in order.
    if (queue && (await waitingFor(entry.instanceId)).length > 0) {
      await queue.enqueue(entry);
      return { instanceId: entry.instanceId, commandId: entry.commandId, replayed: false, queued: true, ...known };
    }
    try {
      return await sendCommand(connection, entry);
    } catch (error) {
      if (!queue || !isOfflineError(error)) throw error;
      await queue.enqueue(entry);
      return { instanceId: entry.instanceId, commandId: entry.commandId, replayed: false, queued: true, ...known };
    }
  }

  async function knownState(instanceId: string): Promise<Pick<SendResult, 'revision' | 'state' | 'stateKey' | 'status' | 'seq'>> {
    const kept = (await offline?.cached(`case:${instanceId}`))?.value as InstanceRecord | undefined;
    return kept
      ? { revision: kept.revision, state: kept.state, stateKey: kept.stateKey, status: kept.status, seq: kept.journalHead.seq }
      : { revision: 0, state: '', stateKey: '', status: 'active', seq: 0 };
  }

  const engine: RemoteEngine = {
    connection,
    queue,
    live,
    calendar: options.calendar ?? createChineseCalendar(),
    clock,

    async start(workflowId, start) {
      registry.get(workflowId);
      const entry: QueuedCommand = {
        kind: 'start',
        commandId: start.commandId ?? newId(),
        instanceId: start.instanceId ?? newId(),
        workflowId,
        body: { region: start.region, subject: start.subject, data: start.data ?? {}, ...(start.role ? { role: start.role } : {}) },
        queuedAt: clock.now(),
        status: 'waiting',
      };
      return command(entry, { revision: 0, state: '', stateKey: '', status: 'active', seq: 0 });
    },

    async send(instanceId, event, send) {
      const kept = await engine.get(instanceId).catch(() => undefined);
      const entry: QueuedCommand = {
        kind: 'send',
        commandId: send.commandId ?? newId(),
        instanceId,
        workflowId: kept?.workflowId ?? '',
        body: {
          type: event.type,
          ...(event.data !== undefined ? { data: event.data as Record<string, unknown> } : {}),
          ...(send.role ? { role: send.role } : {}),
          ...(send.opinion ? { opinion: send.opinion } : {}),
        },
        queuedAt: clock.now(),
        status: 'waiting',
      };
      return command(entry, await knownState(instanceId));
    },

    // Task operations hang on who else is acting now, so they go to the server live and are not queued offline.
    async operate(instanceId, operation, operateOptions) {
      const body = { operation, commandId: operateOptions.commandId ?? newId(), ...(operateOptions.role ? { role: operateOptions.role } : {}) };
      return connection.request<SendResult>('POST', `/api/cases/${encodeURIComponent(instanceId)}/operations`, body);
    },
    allowedOperations: (instanceId) =>
      read(`operations:${instanceId}`, () => connection.request<AllowedOperations>('GET', `/api/cases/${encodeURIComponent(instanceId)}/allowed-operations`)),
    copies: (_actor, query = {}) => {
      const limit = Math.min(query.limit ?? 200, SERVER_PAGE);
      const offset = query.offset ?? 0;
      return read(`copies:${limit}:${offset}`, () => connection.request<CopiedCase[]>('GET', '/api/copies', undefined, { query: { limit, offset } }));
    },
    casesOf: (_actor, part, query = {}) => {
      const limit = Math.min(query.limit ?? 200, SERVER_PAGE);
      const offset = query.offset ?? 0;
      return read(`my-cases:${part}:${limit}:${offset}`, () => connection.request<InstanceRecord[]>('GET', '/api/my-cases', undefined, { query: { part, limit, offset } }));
    },

    get: (instanceId) => read(`case:${instanceId}`, () => connection.request<InstanceRecord>('GET', `/api/cases/${encodeURIComponent(instanceId)}`)),
    history: (instanceId) => read(`journal:${instanceId}`, () => connection.request<JournalEntry[]>('GET', `/api/cases/${encodeURIComponent(instanceId)}/journal`)),
    verify: (instanceId) => connection.request<VerifyResult>('GET', `/api/cases/${encodeURIComponent(instanceId)}/verify`),

    // Offline, a case with a command waiting allows nothing more: its next state is not known yet.
    async allowedEvents(instanceId, _actor: Actor) {
      const key = `allowed:${instanceId}`;
      try {
        const events = await connection.request<string[]>('GET', `/api/cases/${encodeURIComponent(instanceId)}/allowed-events`);
        await offline?.keep(key, events, clock.now());
        return events;
      } catch (error) {
        if (!offline || !isOfflineError(error)) throw error;
        if ((await waitingFor(instanceId)).length > 0) return [];
        const kept = await offline.cached(key);
        if (kept) return kept.value as string[];
        throw error;
      }
    },

    async tasks(_actor: Actor, query = {}) {
      const limit = Math.min(query.limit ?? 200, SERVER_PAGE);
      const offset = query.offset ?? 0;
      return read(`tasks:${limit}:${offset}`, () => connection.request<Task[]>('GET', '/api/tasks', undefined, { query: { limit, offset } }));
    },

    async query(query) {
      const wanted = query.limit ?? 200;
      const key = wanted <= CACHED_LIST_LIMIT ? `cases:${JSON.stringify(casesQuery(query, wanted, query.offset ?? 0))}` : null;
      return read(key, async () => {
        const items: InstanceRecord[] = [];
        let offset = query.offset ?? 0;
        while (items.length < wanted) {
          const limit = Math.min(SERVER_PAGE, wanted - items.length);
          const page = await connection.request<{ items: InstanceRecord[]; total: number }>('GET', '/api/cases', undefined, { query: casesQuery(query, limit, offset) });
          items.push(...page.items);
          offset += page.items.length;
          if (page.items.length < limit || offset >= page.total) break;
        }
        return items;
      });
    },

    async count(query) {
      const key = `count:${JSON.stringify(casesQuery(query, 1, 0))}`;
      return read(key, async () => (await connection.request<{ total: number }>('GET', '/api/cases', undefined, { query: casesQuery(query, 1, 0) })).total);
    },

    subscribe(listener: (change: EngineChange) => void) {
      return live.subscribe((change) => {
        if (change) listener(change);
        else reload();
      });
    },
    onReload(listener) {
      reloadListeners.add(listener);
      return () => reloadListeners.delete(listener);
    },

    register: (workflow) => registry.register(workflow),
    workflow: (id, version) => registry.get(id, version),
    idle: async () => {
      await queue?.replay();
    },
    runDueTimers: () => onServer('runDueTimers'),
    deliverMessages: () => onServer('deliverMessages'),
    migrate: () => onServer('migrate'),
    importAll: () => onServer('importAll'),
    checkDump: () => onServer('checkDump'),
    checkpoint: () => onServer('checkpoint'),
    verifyCheckpoints: () => onServer('verifyCheckpoints'),
    startCheckpoints: () => onServer('startCheckpoints'),
    startScheduler: () => onServer('startScheduler'),
    close() {
      live.close();
      reloadListeners.clear();
    },
  };

  return engine;
}
