/**
 * The engine's tables. Each record is kept whole as `json` (exactly as the engine wrote it: `json`,
 * unlike `jsonb`, keeps any string including U+0000, and its hash inputs round-trip unchanged); the
 * columns beside it are what queries filter and sort on, derived from the record in SQL so the two
 * cannot disagree. Every table's key starts with the case id, so each can be distributed by it
 * (Citus `create_distributed_table(..., 'instance_id')`); see the README's scale-out section.
 */
export const sql = /* sql */ `
CREATE TABLE nongan_instances (
  id            text PRIMARY KEY,
  workflow_id   text NOT NULL,
  region        text NOT NULL,
  subject       text NOT NULL,
  status        text NOT NULL,
  state_key     text NOT NULL,
  -- every active state path and its ancestors ('review', 'review.initial'): "in review or below" is one lookup
  state_paths   text[] NOT NULL,
  task_keys     text[] NOT NULL,
  revision      integer NOT NULL,
  next_due_at   bigint,
  record        json NOT NULL
);
CREATE INDEX nongan_instances_task_keys ON nongan_instances USING gin (task_keys);
CREATE INDEX nongan_instances_state_paths ON nongan_instances USING gin (state_paths);
CREATE INDEX nongan_instances_workflow_region ON nongan_instances (workflow_id, region, id);
CREATE INDEX nongan_instances_region ON nongan_instances (region, id);
CREATE INDEX nongan_instances_subject ON nongan_instances (subject, id);

CREATE TABLE nongan_journal (
  instance_id   text NOT NULL,
  seq           integer NOT NULL,
  command_id    text NOT NULL,
  -- the writing transaction: the step feed reads "committed since snapshot S" exactly, whatever the commit order
  txid          xid8 NOT NULL DEFAULT pg_current_xact_id(),
  entry         json NOT NULL,
  PRIMARY KEY (instance_id, seq),
  CONSTRAINT nongan_journal_command UNIQUE (command_id)
);
CREATE INDEX nongan_journal_txid ON nongan_journal (txid);

CREATE TABLE nongan_timers (
  instance_id   text NOT NULL,
  id            text NOT NULL,
  due_at        bigint NOT NULL,
  -- a worker's lease (database clock, ms): claimed rows are skipped by other workers until it ends
  claimed_until bigint,
  record        json NOT NULL,
  PRIMARY KEY (instance_id, id)
);
CREATE INDEX nongan_timers_due ON nongan_timers (due_at, id);

CREATE TABLE nongan_outbox (
  source_instance_id text NOT NULL,
  id            text NOT NULL,
  status        text NOT NULL,
  created_at    bigint NOT NULL,
  claimed_until bigint,
  record        json NOT NULL,
  PRIMARY KEY (source_instance_id, id)
);
CREATE INDEX nongan_outbox_pending ON nongan_outbox (created_at, id) WHERE status = 'pending';

-- Milliseconds since the epoch on the database clock: leases compare against one clock for all servers.
CREATE FUNCTION nongan_now_ms() RETURNS bigint LANGUAGE sql VOLATILE AS $$
  SELECT (extract(epoch FROM clock_timestamp()) * 1000)::bigint
$$;

CREATE FUNCTION nongan_state_paths(state_key text) RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(array_agg(DISTINCT array_to_string(parts[1:depth], '.')), '{}')
  FROM unnest(string_to_array(nullif(state_key, ''), ',')) AS leaf,
       LATERAL string_to_array(leaf, '.') AS parts,
       LATERAL generate_series(1, cardinality(parts)) AS depth
$$;

/*
 * One step, all or nothing, in one round trip: checks the command id and the revision, then writes
 * the instance, the journal entry, the timers and the outbox. The indexed columns arrive as
 * parameters beside each record (the records are never parsed here: PostgreSQL's json operators
 * reject a document holding U+0000 anywhere). Refusals are raised with SQLSTATEs of our own (class
 * NG) that the store maps to the engine's errors; the whole statement rolls back. Steps that add
 * timers or messages wake the other servers' workers (NOTIFY is delivered on commit).
 */
CREATE FUNCTION nongan_commit(
  p_id text, p_workflow_id text, p_region text, p_subject text, p_status text, p_state_key text,
  p_task_keys text[], p_revision integer, p_next_due_at bigint, p_record json,
  p_expected_revision integer, p_seq integer, p_command_id text, p_entry json,
  p_remove_timers text[], p_timer_ids text[], p_timer_due bigint[], p_timer_records json[],
  p_outbox_ids text[], p_outbox_status text[], p_outbox_created bigint[], p_outbox_records json[]
) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v_actual integer;
BEGIN
  IF EXISTS (SELECT 1 FROM nongan_journal WHERE command_id = p_command_id) THEN
    RAISE EXCEPTION USING ERRCODE = 'NG001', MESSAGE = 'duplicate command', DETAIL = p_command_id;
  END IF;
  IF p_expected_revision IS NULL THEN
    SELECT revision INTO v_actual FROM nongan_instances WHERE id = p_id;
    IF FOUND THEN
      RAISE EXCEPTION USING ERRCODE = 'NG002', MESSAGE = 'stale revision', DETAIL = v_actual::text;
    END IF;
    -- Two creates racing: the loser's insert is a primary-key violation, mapped to the same conflict.
    INSERT INTO nongan_instances (id, workflow_id, region, subject, status, state_key, state_paths, task_keys, revision, next_due_at, record)
    VALUES (p_id, p_workflow_id, p_region, p_subject, p_status, p_state_key, nongan_state_paths(p_state_key), p_task_keys, p_revision, p_next_due_at, p_record);
  ELSE
    UPDATE nongan_instances SET
      status = p_status, state_key = p_state_key, state_paths = nongan_state_paths(p_state_key),
      task_keys = p_task_keys, revision = p_revision, next_due_at = p_next_due_at, record = p_record
    WHERE id = p_id AND revision = p_expected_revision;
    IF NOT FOUND THEN
      SELECT revision INTO v_actual FROM nongan_instances WHERE id = p_id;
      RAISE EXCEPTION USING ERRCODE = 'NG002', MESSAGE = 'stale revision', DETAIL = coalesce(v_actual::text, '');
    END IF;
  END IF;

  INSERT INTO nongan_journal (instance_id, seq, command_id, entry) VALUES (p_id, p_seq, p_command_id, p_entry);

  IF cardinality(p_remove_timers) > 0 THEN
    DELETE FROM nongan_timers WHERE instance_id = p_id AND id = ANY (p_remove_timers);
  END IF;
  IF cardinality(p_timer_ids) > 0 THEN
    INSERT INTO nongan_timers (instance_id, id, due_at, record)
    SELECT p_id, t.id, t.due_at, t.record FROM unnest(p_timer_ids, p_timer_due, p_timer_records) AS t(id, due_at, record);
    PERFORM pg_notify('nongan_timers', (SELECT min(d) FROM unnest(p_timer_due) AS d)::text);
  END IF;
  IF cardinality(p_outbox_ids) > 0 THEN
    INSERT INTO nongan_outbox (source_instance_id, id, status, created_at, record)
    SELECT p_id, m.id, m.status, m.created_at, m.record FROM unnest(p_outbox_ids, p_outbox_status, p_outbox_created, p_outbox_records) AS m(id, status, created_at, record);
    PERFORM pg_notify('nongan_outbox', '');
  END IF;
  PERFORM pg_notify('nongan_steps', '');
END
$$;
`;
