/**
 * Records as statement parameters: the columns queries use, beside the whole record as JSON text.
 * Batches are passed column-wise (one array per column) and unnested in SQL, so any number of rows is
 * still one parameterised statement.
 */
import type { InstanceRecord, JournalEntry, OutboxMessage, TimerRecord } from '../../types.js';

export function instanceParams(r: InstanceRecord): unknown[] {
  return [r.id, r.workflowId, r.region, r.subject, r.division ?? null, r.status, r.stateKey, statePaths(r.stateKey), r.taskKeys, r.revision, r.nextDueAt, JSON.stringify(r)];
}

/** Every active state path and its ancestors (`review.initial` → `review`, `review.initial`), as SQL's `nongan_state_paths`. */
export function statePaths(stateKey: string): string[] {
  const paths = new Set<string>();
  for (const leaf of stateKey === '' ? [] : stateKey.split(',')) {
    const parts = leaf.split('.');
    for (let depth = 1; depth <= parts.length; depth++) paths.add(parts.slice(0, depth).join('.'));
  }
  return [...paths];
}

export function instanceColumns(rows: readonly InstanceRecord[]): unknown[] {
  return [
    rows.map((r) => r.id),
    rows.map((r) => r.workflowId),
    rows.map((r) => r.region),
    rows.map((r) => r.subject),
    rows.map((r) => r.division ?? null),
    rows.map((r) => r.status),
    rows.map((r) => r.stateKey),
    // Arrays of arrays cannot be unnested row by row, so each row's task keys travel as a JSON array.
    rows.map((r) => JSON.stringify(r.taskKeys)),
    rows.map((r) => r.revision),
    rows.map((r) => r.nextDueAt),
    rows.map((r) => JSON.stringify(r)),
  ];
}

export function journalColumns(rows: readonly JournalEntry[]): unknown[] {
  return [rows.map((e) => e.instanceId), rows.map((e) => e.seq), rows.map((e) => e.commandId), rows.map((e) => JSON.stringify(e))];
}

export function timerColumns(rows: readonly TimerRecord[]): unknown[] {
  return [rows.map((t) => t.instanceId), rows.map((t) => t.id), rows.map((t) => t.dueAt), rows.map((t) => JSON.stringify(t))];
}

export function outboxColumns(rows: readonly OutboxMessage[]): unknown[] {
  return [rows.map((m) => m.sourceInstanceId), rows.map((m) => m.id), rows.map((m) => m.status), rows.map((m) => m.createdAt), rows.map((m) => JSON.stringify(m))];
}

export const INSERT_INSTANCES = `
  INSERT INTO nongan_instances (id, workflow_id, region, subject, division, status, state_key, state_paths, task_keys, revision, next_due_at, record)
  SELECT id, workflow_id, region, subject, division, status, state_key, nongan_state_paths(state_key),
         ARRAY(SELECT json_array_elements_text(task_keys)), revision, next_due_at, record
  FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::json[], $9::integer[], $10::bigint[], $11::json[])
    AS r(id, workflow_id, region, subject, division, status, state_key, task_keys, revision, next_due_at, record)`;

export const INSERT_JOURNAL = `
  INSERT INTO nongan_journal (instance_id, seq, command_id, entry)
  SELECT * FROM unnest($1::text[], $2::integer[], $3::text[], $4::json[])`;

export const INSERT_TIMERS = `
  INSERT INTO nongan_timers (instance_id, id, due_at, record)
  SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::json[])`;

export const INSERT_OUTBOX = `
  INSERT INTO nongan_outbox (source_instance_id, id, status, created_at, record)
  SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::json[])`;
