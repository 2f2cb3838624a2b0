/**
 * Commands that could not reach the server, replayed in the order they were given once it answers
 * again. Each keeps its `commandId`: the server applies a command at most once, so a replay of one
 * that did land before the connection dropped returns its first result instead of acting twice. A
 * replay the server refuses (the case moved on meanwhile, the data no longer passes) is kept with the
 * server's reason beside the person's input, until they discard it.
 */
import type { SendResult } from '@nongan/engine';
import { isOfflineError, ServerError, type ServerConnection } from './connection.js';
import type { OfflineStore, QueuedCommand, Refusal } from './offlineStore.js';

export interface ReplayReport {
  applied: number;
  refused: number;
  /** Still waiting: the server could not be reached again. */
  waiting: number;
}

export interface CommandQueue {
  list(): Promise<QueuedCommand[]>;
  enqueue(command: QueuedCommand): Promise<void>;
  /** Sends every waiting command in order; stops at the first that cannot reach the server. */
  replay(): Promise<ReplayReport>;
  discard(commandId: string): Promise<void>;
  /** Called after every change of the queue (enqueued, applied, refused, discarded). */
  onChange(listener: () => void): () => void;
}

/** Sends one command to the server: the same request whether it is sent at once or replayed. */
export function sendCommand(connection: ServerConnection, command: QueuedCommand): Promise<SendResult> {
  if (command.kind === 'start') {
    return connection.request<SendResult>('POST', '/api/cases', {
      workflowId: command.workflowId,
      ...command.body,
      instanceId: command.instanceId,
      commandId: command.commandId,
    });
  }
  return connection.request<SendResult>('POST', `/api/cases/${encodeURIComponent(command.instanceId)}/events`, { ...command.body, commandId: command.commandId });
}

export function refusalOf(error: unknown, at: number): Refusal {
  if (error instanceof ServerError || (error instanceof Error && 'code' in error)) {
    const e = error as ServerError;
    return { code: e.serverCode ?? e.code, message: e.message, messageZh: e.messageZh, details: e.details ?? {}, at };
  }
  return { code: 'internal', message: String(error), messageZh: String(error), details: {}, at };
}

export function createCommandQueue(store: OfflineStore, connection: ServerConnection, now: () => number = Date.now): CommandQueue {
  const listeners = new Set<() => void>();
  const changed = () => {
    for (const listener of [...listeners]) listener();
  };
  let running: Promise<ReplayReport> | null = null;

  const replayOnce = async (): Promise<ReplayReport> => {
    const report: ReplayReport = { applied: 0, refused: 0, waiting: 0 };
    const waiting = (await store.commands()).filter((c) => c.status === 'waiting');
    for (const [index, command] of waiting.entries()) {
      try {
        await sendCommand(connection, command);
        await store.remove(command.commandId);
        report.applied++;
      } catch (error) {
        if (isOfflineError(error)) {
          report.waiting = waiting.length - index;
          break;
        }
        await store.update(command.commandId, { status: 'refused', refusal: refusalOf(error, now()) });
        report.refused++;
      }
      changed();
    }
    return report;
  };

  return {
    list: () => store.commands(),
    async enqueue(command) {
      await store.enqueue(command);
      changed();
    },
    // One replay at a time: a second call while one runs waits for it (a tab's 'online' event and a
    // timer may ask together); another tab replaying the same queue is harmless (commandIds).
    replay() {
      running ??= replayOnce().finally(() => {
        running = null;
      });
      return running;
    },
    async discard(commandId) {
      await store.remove(commandId);
      changed();
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
