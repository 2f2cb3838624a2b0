/**
 * "Which steps were committed since I last looked?", answered exactly with PostgreSQL snapshots. Each
 * journal row carries the id of the transaction that wrote it (`txid`). A cursor is a snapshot
 * (`pg_current_snapshot()`): it says which transactions had committed when it was taken. The steps
 * since a cursor are the rows whose transaction is visible now but was not visible in the cursor, so
 * a step that commits late with an older transaction id is still found: a sequence number or a time
 * could not promise that, because transactions commit in a different order than they start.
 */
import type { StateValue } from 'xstate';
import type { EngineChange } from '../../runtime/createEngine.js';
import type { JournalKind, InstanceStatus } from '../../types.js';
import { stateKeyOf } from '../../workflow/introspect.js';
import type { SqlClient } from './sqlClient.js';

export interface StepPage {
  /** The same shape `engine.subscribe` reports for steps made in-process. */
  steps: EngineChange[];
  /** Pass back to get the steps after these. */
  cursor: string;
  /** More than `limit` steps were committed since the cursor: the reader should reload instead. */
  overflow: boolean;
}

interface Row {
  cursor: string;
  instance_id: string | null;
  workflow_id: string;
  region: string;
  subject: string;
  division: string | null;
  seq: number;
  revision: number;
  kind: JournalKind;
  event_type: string;
  state_after: StateValue;
  status: InstanceStatus;
}

/** Snapshot text as PostgreSQL prints it: `xmin:xmax:xip,xip`. Checked before it reaches SQL. */
const SNAPSHOT = /^\d{1,20}:\d{1,20}:(\d{1,20}(,\d{1,20})*)?$/;

export function isStepCursor(value: string): boolean {
  return SNAPSHOT.test(value) && value.length <= 4096;
}

export async function readSteps(client: SqlClient, cursor: string | null, limit: number): Promise<StepPage> {
  if (cursor === null) {
    const { rows } = await client.query<{ cursor: string }>('SELECT pg_current_snapshot()::text AS cursor');
    return { steps: [], cursor: rows[0]!.cursor, overflow: false };
  }
  if (!isStepCursor(cursor)) throw new TypeError(`not a step cursor: ${cursor.slice(0, 80)}`);
  // One statement, one snapshot: the rows read and the new cursor describe the same moment.
  const { rows } = await client.query<Row>(
    `WITH now AS (SELECT pg_current_snapshot() AS snap)
     SELECT now.snap::text AS cursor, s.* FROM now LEFT JOIN LATERAL (
       SELECT j.instance_id, i.workflow_id, i.region, i.subject, i.division, j.seq,
              (j.entry->>'revision')::integer AS revision, j.entry->>'kind' AS kind,
              j.entry->'event'->>'type' AS event_type, j.entry->'stateAfter' AS state_after, j.entry->>'status' AS status
       FROM nongan_journal j JOIN nongan_instances i ON i.id = j.instance_id
       WHERE j.txid >= pg_snapshot_xmin($1::pg_snapshot) AND NOT pg_visible_in_snapshot(j.txid, $1::pg_snapshot)
       ORDER BY j.txid, j.instance_id, j.seq
       LIMIT $2
     ) s ON true`,
    [cursor, limit + 1],
  );
  const next = rows[0]!.cursor;
  const steps = rows.filter((r) => r.instance_id !== null);
  if (steps.length > limit) return { steps: [], cursor: next, overflow: true };
  return {
    cursor: next,
    overflow: false,
    steps: steps.map((r) => ({
      instanceId: r.instance_id!,
      workflowId: r.workflow_id,
      region: r.region,
      subject: r.subject,
      ...(r.division !== null ? { division: r.division } : {}),
      revision: r.revision,
      seq: r.seq,
      kind: r.kind,
      eventType: r.event_type,
      stateKey: stateKeyOf(r.state_after),
      status: r.status,
    })),
  };
}
