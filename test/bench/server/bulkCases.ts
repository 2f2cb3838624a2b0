/**
 * tasks() over a million cases. The cases are copies of real engine-made records: every demo case of
 * the five regions (all four lifecycles, in a realistic mix of states, so task keys spread over 5
 * regions × their roles and states), each copied under a new id and subject. They are written
 * straight into `nongan_instances` by one INSERT … SELECT over generate_series per core — the same
 * columns the store writes (state paths by the store's own SQL function, task keys and the whole
 * record JSON with id and subject substituted) — because a million engine starts would take hours.
 * The secondary indexes are dropped for the load and rebuilt after it from their own definitions
 * (what a bulk import does), then the table is vacuumed and analysed as a table at rest would be.
 */
import { createEngine, createMemoryStore, type Actor, type InstanceRecord } from '@nongan/engine';
import { createRegionEngineOptions, REGION_IDS, seedDemo } from '@nongan/workflows';
import pg from 'pg';
import { benchEngine } from './certifiedCases.js';
import { median } from '../stats.js';

const ID = '@@ID@@';
const SUBJECT = '@@SUBJECT@@';

/** Every demo case of the five regions, with its id and subject (also in its task keys) as placeholders. */
async function templates(): Promise<string[]> {
  const store = createMemoryStore();
  const engine = createEngine(createRegionEngineOptions({ store }));
  for (const region of REGION_IDS) await seedDemo(engine, { region });
  const { instances } = await store.exportAll();
  // The case id also prefixes its timers' ids inside the record: every occurrence becomes the placeholder.
  return instances.map((r) => JSON.stringify({ ...r, subject: SUBJECT, taskKeys: r.taskKeys.map((k) => k.replace(/\|s:.*$/, `|s:${SUBJECT}`)) }).split(`"${r.id}`).join(`"${ID}`));
}

const LOAD = `
  INSERT INTO nongan_instances (id, workflow_id, region, subject, status, state_key, state_paths, task_keys, revision, next_due_at, record)
  SELECT c.id, t.workflow_id, t.region, c.subject, t.status, t.state_key, t.state_paths,
         string_to_array(replace(t.task_keys, '${SUBJECT}', c.subject), E'\\x1f'), t.revision, t.next_due_at,
         replace(replace(t.record, '${ID}', c.id), '${SUBJECT}', c.subject)::json
  FROM generate_series($1::integer, $2::integer) AS g
  JOIN bench_templates t ON t.n = g % $3::integer
  CROSS JOIN LATERAL (SELECT 'case-' || lpad(g::text, 7, '0') AS id, t.region || '-farm-' || g AS subject) AS c`;

export interface BulkLoad {
  count: number;
  templates: number;
  loadMs: number;
  indexMs: number;
  vacuumMs: number;
  tableMB: number;
}

/** Loads `count` cases into the (fresh, migrated) database at `url`, `parallel` INSERTs at once. */
export async function loadCases(url: string, count: number, parallel: number): Promise<BulkLoad> {
  const texts = await templates();
  const records = texts.map((text) => JSON.parse(text) as InstanceRecord);
  const pool = new pg.Pool({ connectionString: url, max: parallel });
  try {
    // An ordinary table, not a temporary one: every loading connection reads it.
    await pool.query('CREATE TABLE bench_templates (n integer PRIMARY KEY, workflow_id text, region text, status text, state_key text, state_paths text[], task_keys text, revision integer, next_due_at bigint, record text)');
    await pool.query(
      `INSERT INTO bench_templates SELECT n - 1, w, r, s, k, nongan_state_paths(k), tk, rev, due, rec
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::integer[], $7::bigint[], $8::text[]) WITH ORDINALITY AS x(w, r, s, k, tk, rev, due, rec, n)`,
      [
        records.map((r) => r.workflowId),
        records.map((r) => r.region),
        records.map((r) => r.status),
        records.map((r) => r.stateKey),
        records.map((r) => r.taskKeys.join('\x1f')),
        records.map((r) => r.revision),
        records.map((r) => r.nextDueAt),
        texts,
      ],
    );
    const { rows: indexes } = await pool.query<{ name: string; definition: string }>(
      "SELECT indexname AS name, indexdef AS definition FROM pg_indexes WHERE tablename = 'nongan_instances' AND indexname <> 'nongan_instances_pkey'",
    );
    for (const index of indexes) await pool.query(`DROP INDEX ${index.name}`);

    let t0 = performance.now();
    const per = Math.ceil(count / parallel);
    await Promise.all(
      Array.from({ length: parallel }, (_, p) => pool.query(LOAD, [p * per + 1, Math.min(count, (p + 1) * per), records.length])),
    );
    const loadMs = performance.now() - t0;

    t0 = performance.now();
    await Promise.all(
      indexes.map(async (index) => {
        const client = await pool.connect();
        try {
          await client.query("SET maintenance_work_mem = '256MB'");
          await client.query(index.definition);
        } finally {
          client.release();
        }
      }),
    );
    const indexMs = performance.now() - t0;
    t0 = performance.now();
    await pool.query('DROP TABLE bench_templates');
    await pool.query('VACUUM (ANALYZE) nongan_instances');
    const vacuumMs = performance.now() - t0;
    const { rows } = await pool.query<{ n: number; mb: number }>("SELECT count(*)::integer AS n, (pg_total_relation_size('nongan_instances') / 1048576.0)::float8 AS mb FROM nongan_instances");
    if (rows[0]!.n !== count) throw new Error(`loaded ${rows[0]!.n} cases, expected ${count}`);
    return { count, templates: records.length, loadMs, indexMs, vacuumMs, tableMB: rows[0]!.mb };
  } finally {
    await pool.end();
  }
}

export interface TasksTiming {
  engineMs: number;
  plainMs: number;
  /** Tasks on the page engine.tasks returned. */
  hits: number;
  /** Cases whose task keys match the actor's (what the index finds), and their share of all cases. */
  matching: number;
  share: number;
  /** The plans PostgreSQL chose for the store's query and for the plain one. */
  plan: string;
  plainPlan: string;
}

/** A Jiyuan animal-health supervision official: initial review and revaccination checks wait on them. */
export const tasksActor: Actor = { id: 'bench-jiyuan-supervision', roles: ['supervision'], region: 'jiyuan' };

/**
 * engine.tasks(actor, { limit: 50 }) on the engine a server builds, against a plain indexed SELECT of
 * 50 rows with the same keys on the same table, calls alternating; medians of `samples` after warm-up.
 */
export async function timeTasks(url: string, samples: number, total: number): Promise<TasksTiming> {
  const bench = await benchEngine(url, 2);
  try {
    const keys = [`supervision|r:${tasksActor.region}`];
    const plain = () => bench.client.query('SELECT record FROM nongan_instances WHERE task_keys && $1::text[] LIMIT 50', [keys]);
    let hits = 0;
    for (let i = 0; i < 5; i++) {
      hits = (await bench.engine.tasks(tasksActor, { limit: 50 })).length;
      await plain();
    }
    const engineMs: number[] = [];
    const plainMs: number[] = [];
    for (let i = 0; i < samples; i++) {
      let t0 = performance.now();
      hits = (await bench.engine.tasks(tasksActor, { limit: 50 })).length;
      engineMs.push(performance.now() - t0);
      t0 = performance.now();
      const rows = (await plain()).rows.length;
      plainMs.push(performance.now() - t0);
      if (rows !== 50) throw new Error(`the plain query found ${rows} rows, not 50`);
    }
    const { rows } = await bench.client.query<{ n: number }>('SELECT count(*)::integer AS n FROM nongan_instances WHERE task_keys && $1::text[]', [keys]);
    const planOf = async (sql: string) =>
      (await bench.client.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`, [keys])).rows
        .map((r) => r['QUERY PLAN'].trim().replace(/^->\s*/, '').replace(/\s+\(cost.*$/, ''))
        .filter((line) => !/^(Filter|Recheck|Index Cond|Sort Key)/.test(line))
        .join(' → ');
    return {
      engineMs: median(engineMs),
      plainMs: median(plainMs),
      hits,
      matching: rows[0]!.n,
      share: rows[0]!.n / total,
      // The store's query (PostgresStore.findByTaskKeys) orders by id for stable pages; the plain one does not.
      plan: await planOf('SELECT record FROM nongan_instances WHERE task_keys && $1::text[] ORDER BY id LIMIT 50 OFFSET 0'),
      plainPlan: await planOf('SELECT record FROM nongan_instances WHERE task_keys && $1::text[] LIMIT 50'),
    };
  } finally {
    await bench.close();
  }
}
