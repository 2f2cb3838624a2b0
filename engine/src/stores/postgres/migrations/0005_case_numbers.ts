/**
 * 受理编号: the last number handed out in each series, one row per series raised by an upsert, so
 * concurrent starts get distinct numbers without holding a lock across the start. (No generated
 * column over the record: `->>` on a json record holding an escaped NUL fails, and such text is valid data.)
 */
export const sql = /* sql */ `
CREATE TABLE nongan_case_series (
  name text PRIMARY KEY,
  last bigint NOT NULL CHECK (last > 0)
);
`;
