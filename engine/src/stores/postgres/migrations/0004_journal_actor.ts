/**
 * 已办 / 我发起的: the cases a person opened or acted on, found through an index on the journal's
 * actor and kind (columns generated from the entry, so the commit function writes nothing new).
 */
export const sql = /* sql */ `
ALTER TABLE nongan_journal
  ADD COLUMN actor_id text GENERATED ALWAYS AS (entry->'actor'->>'id') STORED,
  ADD COLUMN kind text GENERATED ALWAYS AS (entry->>'kind') STORED;
CREATE INDEX nongan_journal_actor ON nongan_journal (actor_id, kind);
`;
