/**
 * Signed checkpoints of journal heads (`journal/checkpoint.ts`): the checkpoints themselves, in order,
 * and each case's latest anchored head (an index for `latestOf` and for finding heads that moved since;
 * the signed checkpoints stay the evidence).
 */
export const sql = /* sql */ `
CREATE TABLE nongan_checkpoints (
  seq        integer PRIMARY KEY,
  checkpoint json NOT NULL
);

CREATE TABLE nongan_checkpoint_heads (
  instance_id    text PRIMARY KEY,
  checkpoint_seq integer NOT NULL REFERENCES nongan_checkpoints (seq),
  seq            integer NOT NULL,
  hash           text NOT NULL
);
`;
