/**
 * What a device keeps so its person can go on working without a network (IndexedDB through Dexie):
 * the last server answers it read (a farm opens its cases offline) and the commands it could not send
 * yet, each with the `commandId` that makes its replay apply at most once. A queued command keeps the
 * data its person typed until the server accepted it or the person discards it.
 */
import Dexie, { type EntityTable } from 'dexie';

export interface CachedReply {
  key: string;
  value: unknown;
  savedAt: number;
}

export type QueuedCommand =
  | {
      commandId: string;
      kind: 'start';
      /** Chosen on the device, so later commands can name the new case before the server knows it. */
      instanceId: string;
      workflowId: string;
      body: { region: string; subject: string; data: Record<string, unknown>; role?: string };
      queuedAt: number;
      status: QueuedStatus;
      refusal?: Refusal;
    }
  | {
      commandId: string;
      kind: 'send';
      instanceId: string;
      workflowId: string;
      body: { type: string; data?: Record<string, unknown>; role?: string; opinion?: { text: string; attachments?: Array<{ name: string; ref: string }> } };
      queuedAt: number;
      status: QueuedStatus;
      refusal?: Refusal;
    };

/** `waiting`: not yet accepted by the server; `refused`: the server said no on replay (kept until discarded). */
export type QueuedStatus = 'waiting' | 'refused';

/** The server's answer to a refused replay, as its error JSON. */
export interface Refusal {
  code: string;
  message: string;
  messageZh: string;
  details: Record<string, unknown>;
  at: number;
}

export interface OfflineStore {
  readonly name: string;
  cached(key: string): Promise<CachedReply | undefined>;
  keep(key: string, value: unknown, at: number): Promise<void>;
  commands(): Promise<QueuedCommand[]>;
  enqueue(command: QueuedCommand): Promise<void>;
  update(commandId: string, change: Partial<Pick<QueuedCommand, 'status' | 'refusal'>>): Promise<void>;
  remove(commandId: string): Promise<void>;
  /** Forgets everything (sign-out: the next person on this device sees nothing of the last one's). */
  clear(): Promise<void>;
  close(): void;
}

type OfflineDb = Dexie & {
  replies: EntityTable<CachedReply, 'key'>;
  commands: EntityTable<QueuedCommand, 'commandId'>;
};

export function createOfflineStore(options: { name?: string; indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange } = {}): OfflineStore {
  const name = options.name ?? 'nongan-offline';
  const db = new Dexie(name, {
    ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
    ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
  }) as OfflineDb;
  db.version(1).stores({ replies: 'key', commands: 'commandId, queuedAt, instanceId' });
  return {
    name,
    cached: (key) => db.replies.get(key),
    keep: async (key, value, at) => void (await db.replies.put({ key, value, savedAt: at })),
    commands: () => db.commands.orderBy('queuedAt').toArray(),
    enqueue: async (command) => void (await db.commands.add(command)),
    update: async (commandId, change) => void (await db.commands.update(commandId, change)),
    remove: (commandId) => db.commands.delete(commandId),
    clear: async () => {
      await db.transaction('rw', db.replies, db.commands, async () => {
        await db.replies.clear();
        await db.commands.clear();
      });
    },
    close: () => db.close(),
  };
}
