import { describe, expect, it } from 'vitest';
import { statePaths } from '../../src/stores/postgres/rows.js';
import { PGlite } from '@electric-sql/pglite';
import { createPgliteClient, createPostgresStore } from '../../src/stores/postgres/index.js';
import { describeStoreConformance, describeTamperEvidence } from '../../src/testing/index.js';

// A fresh in-memory PGlite per store: each test starts from an empty, freshly migrated database.
describeStoreConformance('postgres on PGlite', async () => createPostgresStore({ client: createPgliteClient(await PGlite.create()) }));
describeTamperEvidence('postgres on PGlite', async () => createPostgresStore({ client: createPgliteClient(await PGlite.create()) }));

describe('state paths', () => {
  it('are computed by the engine exactly as SQL computes them for imported rows', async () => {
    const db = await PGlite.create();
    const store = await createPostgresStore({ client: createPgliteClient(db) });
    for (const key of ['draft', 'review.initial', 'a.b.c,a.d', 'x,y.z', '']) {
      const { rows } = await db.query<{ p: string[] }>('SELECT nongan_state_paths($1) AS p', [key]);
      expect([...statePaths(key)].sort(), key).toEqual([...rows[0]!.p].sort());
    }
    await store.close();
  });
});
