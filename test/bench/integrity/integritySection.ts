/**
 * `pnpm bench integrity` (issue 19): what tamper evidence costs, on PostgreSQL in PGlite, each rate
 * next to the cached engine step measured in the same run (rounds alternate; medians of 5):
 * - a step on a case read from the store (cacheSize 0, as the server runs): the stored record is read
 *   and checked against its head entry (one more indexed read and a SHA-256 of the record);
 * - verify(): the chain and a replay of every entry through the workflow, per journal entry;
 * - a signed checkpoint of the heads of 2,000 cases. Prints; never asserts.
 */
import { PGlite } from '@electric-sql/pglite';
import { createEd25519Signer, createEngine, type Engine, type Store } from '@nongan/engine';
import { createPgliteClient, createPostgresStore } from '@nongan/engine/postgres';
import { benchActors, certificationWorkflow } from '../benchWorkflow.js';
import { markdownTable } from '../harness.js';
import { median, ratePerSecond } from '../stats.js';

const ROUNDS = 5;
const STEPS = 300;
const VERIFY_ENTRIES = 20;
const VERIFY_CASES = 20;
const CHECKPOINT_CASES = 2_000;
const REGION = 'beijing';

export interface IntegrityBenchResult {
  cachedStepsPerSec: number;
  uncachedStepsPerSec: number;
  verifiedEntriesPerSec: number;
  checkpointMs: number;
}

const progress = (line: string) => process.stderr.write(`[bench integrity] ${line}\n`);

async function signer() {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify'])) as CryptoKeyPair;
  return createEd25519Signer({ keyId: 'bench', privateKey: pair.privateKey, publicKeys: { bench: pair.publicKey } });
}

function engineOn(store: Store, cacheSize: number, checkpointSigner?: Awaited<ReturnType<typeof signer>>): Engine {
  let now = Date.parse('2026-03-02T01:00:00Z');
  return createEngine({ store, workflows: [certificationWorkflow], clock: { now: () => (now += 1000) }, messageDelivery: 'manual', cacheSize, ...(checkpointSigner ? { checkpointSigner } : {}) });
}

let cases = 0;
async function openCase(engine: Engine): Promise<string> {
  const subject = `farm-${cases++}`;
  return (await engine.start('bench-certification', { actor: benchActors.producer(REGION, subject), region: REGION, subject })).instanceId;
}

async function stepRate(engine: Engine, steps: number): Promise<number> {
  const id = await openCase(engine);
  const expert = benchActors.expert(REGION);
  const district = benchActors.district(REGION);
  return ratePerSecond(steps, (i) => (i % 2 === 0 ? engine.send(id, { type: 'SUSPEND' }, { actor: expert }) : engine.send(id, { type: 'REINSTATE' }, { actor: district })));
}

export async function integritySection(): Promise<IntegrityBenchResult> {
  const store = await createPostgresStore({ client: createPgliteClient(await PGlite.create()) });
  try {
    const cached = engineOn(store, 1000);
    const uncached = engineOn(store, 0);
    await stepRate(cached, 50); // warm-up
    const cachedRates: number[] = [];
    const uncachedRates: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      cachedRates.push(await stepRate(cached, STEPS));
      uncachedRates.push(await stepRate(uncached, STEPS));
      progress(`round ${round + 1}: cached ${cachedRates.at(-1)!.toFixed(0)}/s, from the store ${uncachedRates.at(-1)!.toFixed(0)}/s`);
    }

    const ids: string[] = [];
    for (let i = 0; i < VERIFY_CASES; i++) {
      const id = await openCase(cached);
      for (let s = 1; s < VERIFY_ENTRIES; s++) await cached.send(id, { type: s % 2 === 1 ? 'SUSPEND' : 'REINSTATE' }, { actor: s % 2 === 1 ? benchActors.expert(REGION) : benchActors.district(REGION) });
      ids.push(id);
    }
    const verifyRates: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const start = performance.now();
      for (const id of ids) {
        const result = await cached.verify(id);
        if (!result.ok || result.entries !== VERIFY_ENTRIES) throw new Error(`verify of ${id} failed: ${JSON.stringify(result.problems)}`);
      }
      verifyRates.push((VERIFY_CASES * VERIFY_ENTRIES * 1000) / (performance.now() - start));
    }

    const anchored = engineOn(store, 1000, await signer());
    for (let i = cases; i < CHECKPOINT_CASES; i++) await openCase(anchored);
    await anchored.checkpoint(); // every case so far
    for (let i = 0; i < CHECKPOINT_CASES; i++) await openCase(anchored);
    const start = performance.now();
    const report = await anchored.checkpoint();
    const checkpointMs = performance.now() - start;
    if (report.made.reduce((n, c) => n + c.heads, 0) !== CHECKPOINT_CASES) throw new Error(`checkpoint anchored ${JSON.stringify(report.made)}`);
    return { cachedStepsPerSec: median(cachedRates), uncachedStepsPerSec: median(uncachedRates), verifiedEntriesPerSec: median(verifyRates), checkpointMs };
  } finally {
    await store.close();
  }
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits });
const pct = (a: number, b: number) => `${((a / b) * 100).toFixed(0)}%`;

export function integrityTable(r: IntegrityBenchResult): string {
  return markdownTable([
    ['metric', 'value', 'vs cached step'],
    ['engine send, case from the engine cache, steps/s (baseline)', fmt(r.cachedStepsPerSec), '100%'],
    ['engine send, case read from the store and checked against its head entry, steps/s', fmt(r.uncachedStepsPerSec), pct(r.uncachedStepsPerSec, r.cachedStepsPerSec)],
    [`verify(): chain + replay, journal entries/s (${VERIFY_CASES} cases × ${VERIFY_ENTRIES} entries)`, fmt(r.verifiedEntriesPerSec), pct(r.verifiedEntriesPerSec, r.cachedStepsPerSec)],
    [`signed checkpoint of ${fmt(CHECKPOINT_CASES)} moved heads, ms`, fmt(r.checkpointMs, 1), '—'],
  ]);
}
