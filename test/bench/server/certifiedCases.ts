/**
 * The step every load loop repeats: a guidance visit (GUIDANCE_VISIT, seed 000 §五(二)) on a certified
 * Beijing certification case. In `certified` it is an internal transition (actions only, no state
 * entered or left), so each visit is a full engine step — role and region check, form validation,
 * XState transition, hash-chained journal entry, revision-checked commit — that writes exactly one
 * instance row and one journal row and touches no timers, and it can be repeated without end. Each
 * loop gets a case of its own, so loops never conflict with each other.
 */
import { createEngine, toChinaDate, type Actor, type Engine } from '@nongan/engine';
import { createNodePostgresClient, createPostgresStore, type PostgresStore } from '@nongan/engine/postgres';
import { REGION_DIVISIONS, createRegionEngineOptions, sampleData, startCase } from '@nongan/workflows';

export const REGION = 'beijing';

/** Officials of the bench (accounts with the same roles are created for the HTTP runs). */
export const benchOfficials = {
  expert: { id: 'bench-expert', roles: ['expert-office'], region: REGION } satisfies Actor,
  municipal: { id: 'bench-municipal', roles: ['municipal'], region: REGION } satisfies Actor,
  district: { id: 'bench-district', roles: ['district'], region: REGION } satisfies Actor,
};

export const farmOf = (i: number) => `bench-farm-${i + 1}`;

/** The guidance visit's event body (form `cert-guidance-visit`, Beijing variant), dated today in China. */
export function guidanceVisit(): { type: 'GUIDANCE_VISIT'; data: Record<string, unknown> } {
  return { type: 'GUIDANCE_VISIT', data: { ...sampleData(REGION, 'cert-guidance-visit'), visitedOn: toChinaDate(Date.now()) } };
}

export interface BenchEngine {
  client: ReturnType<typeof createNodePostgresClient>;
  store: PostgresStore;
  engine: Engine;
  close(): Promise<void>;
}

/**
 * The engine as a server process builds it (region lifecycles and validator, the PostgreSQL store on a
 * node-postgres pool, `cacheSize: 0` so every step starts from the stored case), in this process.
 */
export async function benchEngine(url: string, poolSize: number): Promise<BenchEngine> {
  const client = createNodePostgresClient({ connectionString: url, max: poolSize, applicationName: 'nongan-bench' });
  const store = await createPostgresStore({ client, ownsClient: false });
  const engine = createEngine({ ...createRegionEngineOptions({ store }), cacheSize: 0, onError: (error) => console.error('[bench engine]', error) });
  return {
    client,
    store,
    engine,
    async close() {
      await engine.idle();
      await store.close();
      await client.close();
    },
  };
}

/** Opens, evaluates and recognises one case per farm (three steps each); returns the case ids in farm order. */
export async function certifiedCases(engine: Engine, count: number): Promise<string[]> {
  const today = toChinaDate(Date.now());
  const ids: string[] = new Array(count);
  // A few at a time: setting up is not measured, it only has to be quick.
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(8, count) }, async () => {
      for (let i = next++; i < count; i = next++) {
        const subject = farmOf(i);
        const producer: Actor = { id: `bench-producer-${i + 1}`, roles: ['producer'], region: REGION, subjects: [subject] };
        const { instanceId } = await startCase(engine, 'certification', { actor: producer, region: REGION, subject, division: REGION_DIVISIONS[REGION].townships[0]!.code, data: { ...sampleData(REGION, 'cert-application'), farmName: `基准测试养殖场${i + 1}` } });
        await engine.send(instanceId, { type: 'EVALUATE', data: { ...sampleData(REGION, 'cert-score'), score: 90, evaluatedOn: today } }, { actor: benchOfficials.expert });
        const done = await engine.send(instanceId, { type: 'RECOGNISE' }, { actor: benchOfficials.municipal });
        if (done.stateKey !== 'certified') throw new Error(`case ${instanceId} ended set-up in ${done.stateKey}, not certified`);
        ids[i] = instanceId;
      }
    }),
  );
  return ids;
}
