/**
 * No NOTIFY on every step. PostgreSQL serialises the commits of notifying transactions on one lock
 * held until the commit record is flushed, which removes group commit: measured by `pnpm bench server`
 * (sessions 62–78 % in "Lock: object"; the raw step rate with a NOTIFY added fell to 45 %). The live
 * step feed polls instead (a cheap index range on `txid`); timers notify only when one falls due
 * before the workers' next poll; new messages still notify (rare, and the writer delivers them itself).
 * The state paths arrive as a parameter too (computed by the engine) instead of being derived per step
 * in SQL.
 *
 * The case's division (GB/T 2260 code of its subject's township or village) gets a column for
 * data-scope queries by code prefix, written once when the case is created (it never changes). C
 * collation makes a prefix an index range (`division >= '419001' AND division < '419001:'`).
 */
export const sql = /* sql */ `
ALTER TABLE nongan_instances ADD COLUMN division text COLLATE "C";
CREATE INDEX nongan_instances_division ON nongan_instances (division, id);

DROP FUNCTION nongan_commit(text, text, text, text, text, text, text[], integer, bigint, json, integer, integer, text, json, text[], text[], bigint[], json[], text[], text[], bigint[], json[]);
CREATE FUNCTION nongan_commit(
  p_id text, p_workflow_id text, p_region text, p_subject text, p_division text, p_status text, p_state_key text,
  p_state_paths text[], p_task_keys text[], p_revision integer, p_next_due_at bigint, p_record json,
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
    INSERT INTO nongan_instances (id, workflow_id, region, subject, division, status, state_key, state_paths, task_keys, revision, next_due_at, record)
    VALUES (p_id, p_workflow_id, p_region, p_subject, p_division, p_status, p_state_key, p_state_paths, p_task_keys, p_revision, p_next_due_at, p_record);
  ELSE
    UPDATE nongan_instances SET
      status = p_status, state_key = p_state_key, state_paths = p_state_paths,
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
    -- Only a deadline that falls due before the workers' next poll is worth waking them for.
    IF (SELECT min(d) FROM unnest(p_timer_due) AS d) <= nongan_now_ms() + 60000 THEN
      PERFORM pg_notify('nongan_timers', '');
    END IF;
  END IF;
  IF cardinality(p_outbox_ids) > 0 THEN
    INSERT INTO nongan_outbox (source_instance_id, id, status, created_at, record)
    SELECT p_id, m.id, m.status, m.created_at, m.record FROM unnest(p_outbox_ids, p_outbox_status, p_outbox_created, p_outbox_records) AS m(id, status, created_at, record);
    PERFORM pg_notify('nongan_outbox', '');
  END IF;
END
$$;
`;
