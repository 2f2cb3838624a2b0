/** Minimal valid records for exercising a store directly, without an engine in between. */
import type { ChangeSet } from '../store/store.js';
import type { InstanceRecord, JournalEntry, OutboxMessage, TimerRecord } from '../types.js';

export function instanceRecord(id: string, overrides: Partial<InstanceRecord> = {}): InstanceRecord {
  return {
    id,
    workflowId: 'sample',
    workflowVersion: 1,
    region: 'beijing',
    subject: `farm-${id}`,
    status: 'active',
    state: 'draft',
    stateKey: 'draft',
    context: { note: '草稿' },
    revision: 1,
    journalHead: { seq: 1, hash: 'h1' },
    acceptedEvents: ['SUBMIT'],
    taskKeys: [`producer|s:farm-${id}`],
    timers: [],
    nextDueAt: null,
    pins: {},
    createdAt: 1,
    updatedAt: 1,
    ...overrides,
  };
}

export function journalEntry(instanceId: string, seq: number): JournalEntry {
  return {
    instanceId,
    seq,
    kind: seq === 1 ? 'start' : 'event',
    at: seq,
    recordedAt: seq,
    actor: { id: 'u1', role: 'producer' },
    event: { type: seq === 1 ? 'start' : 'SUBMIT' },
    stateBefore: seq === 1 ? null : 'draft',
    stateAfter: 'draft',
    status: 'active',
    workflowVersion: 1,
    revision: seq,
    commandId: `${instanceId}-c${seq}`,
    prevHash: `h${seq - 1}`,
    hash: `h${seq}`,
  };
}

export function timerRecord(id: string, instanceId: string, dueAt: number, statePath = 'draft'): TimerRecord {
  return { id, instanceId, statePath, event: 'EXPIRE', dueAt, provisional: false };
}

export function outboxMessage(id: string, sourceInstanceId: string, createdAt = 1): OutboxMessage {
  return {
    id,
    sourceInstanceId,
    sourceSeq: 1,
    to: { workflowId: 'sample', subject: 'farm-x' },
    event: { type: 'SUSPEND' },
    status: 'pending',
    createdAt,
    attempts: 0,
    outcomes: [],
  };
}

/** A change set that creates (`revision` 1) or advances an instance to `revision`. */
export function changeSet(id: string, revision: number, overrides: Partial<ChangeSet> = {}, instance: Partial<InstanceRecord> = {}): ChangeSet {
  return {
    instance: instanceRecord(id, { revision, journalHead: { seq: revision, hash: `h${revision}` }, ...instance }),
    expectedRevision: revision === 1 ? null : revision - 1,
    journal: journalEntry(id, revision),
    timersToAdd: [],
    timerIdsToRemove: [],
    outboxToAdd: [],
    ...overrides,
  };
}
