/**
 * `pnpm bench certificates`: issuing 10,000 certificates in one batch (issue 14 item 5), each rate
 * next to the plain Ed25519 signing rate measured in the same run: the token (RFC 8785 canonical JSON,
 * signed, base64url) against a bare signature of the same bytes, the server's bulk signing and storing
 * (`ensureMany`, 500 per request as the print page asks) and one-by-one signing on PostgreSQL, and
 * verification as a phone does it. A throwaway cluster with durability on. Prints; never asserts.
 */
import { canonicalJson, toChinaDate, type Actor } from '@nongan/engine';
import { createTestDatabase, startPostgresCluster } from '@nongan/engine/testing/postgres';
import { generateAuthorityKey, importPrivateKey, sampleData, signCertificate, startCase, verifyCertificateToken, type CertificateContent } from '@nongan/workflows';
import { createServerRuntime } from '../../../packages/server/src/runtime.js';
import { inParallel, registerFarms } from '../../../packages/server/test/support/fixtures.js';
import { markdownTable } from '../harness.js';
import { median, ratePerSecond } from '../stats.js';

const BATCH = 10_000;
const ONE_BY_ONE = 1_000;
const CHUNK = 500;
const ROUNDS = 5;
const REGION = 'kaizhou';
const FARM = 'bench-certificates-farm';

export interface CertificatesBenchResult {
  rawSignPerSec: number;
  tokenSignPerSec: number;
  verifyPerSec: number;
  bulkMs: number;
  bulkPerSec: number;
  oneByOnePerSec: number;
  issueStepsPerSec: number;
}

const progress = (line: string) => process.stderr.write(`[bench certificates] ${line}\n`);

function contents(n: number): CertificateContent[] {
  return Array.from({ length: n }, (_, i) => ({
    v: 1, k: 'kaizhou-20261207-bench', a: REGION, no: `HGZ-KZ-20261207-${String(i).padStart(6, '0')}`, p: '青菜头', q: 500 + i, u: 'kg',
    o: '重庆市开州区渠口镇铺溪村', m: '开州区渠口镇绿源蔬菜专业合作社', s: '93500154MA5YQ1XX2K', t: '13823456789', d: '2026-12-07',
    b: 'self-tested', cm: 'national-2024', c: `case-${i}`, n: 3, h: 'a'.repeat(64),
  }));
}

export async function certificatesSection(): Promise<CertificatesBenchResult> {
  // Signing and verifying in memory: alternating rounds, medians.
  const { privateJwk, publicJwk } = await generateAuthorityKey(REGION, 'kaizhou-20261207-bench', '2026-01-01');
  const key = await importPrivateKey(privateJwk);
  const sample = contents(2_000);
  const bytes = sample.map((c) => new TextEncoder().encode(canonicalJson(c)));
  const raw: number[] = [];
  const tokens: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    raw.push(await ratePerSecond(bytes.length, (i) => globalThis.crypto.subtle.sign({ name: 'Ed25519' }, key, bytes[i]!)));
    tokens.push(await ratePerSecond(sample.length, (i) => signCertificate(sample[i]!, key)));
  }
  const signed = await Promise.all(sample.map((c) => signCertificate(c, key)));
  const keySet = { keys: [publicJwk] };
  const verifies: number[] = [];
  for (let round = 0; round < ROUNDS; round++) verifies.push(await ratePerSecond(signed.length, (i) => verifyCertificateToken(signed[i]!, keySet)));
  const verify = median(verifies);

  const cluster = await startPostgresCluster({ settings: { fsync: 'on', synchronous_commit: 'on', full_page_writes: 'on' } });
  try {
    const url = await createTestDatabase(cluster.url(), 'bench_certificates');
    const runtime = await createServerRuntime({ database: { kind: 'postgres', url, poolSize: 10 }, demo: false, secureCookies: false }, { workers: false, onError: () => {} });
    try {
      await registerFarms(runtime.subjects, REGION, [FARM]);
      const actor: Actor = { id: 'bench-producer', roles: ['producer'], region: REGION, subjects: [FARM] };
      const today = toChinaDate(Date.now());
      const s = (id: string) => sampleData(REGION, id);
      const total = BATCH + ONE_BY_ONE;
      progress(`issuing ${total.toLocaleString('en-US')} batches through the engine (3 steps each)`);
      const issueStart = performance.now();
      await inParallel(Array.from({ length: total }, (_, i) => i), 16, async (i) => {
        const { instanceId } = await startCase(runtime.engine, 'selfInspectToCertificate', { actor, region: REGION, subject: FARM, data: { ...s('sic-batch'), productName: `批次${i}` }, commandId: `bench-start-${i}` });
        await runtime.engine.send(instanceId, { type: 'SELF_INSPECT', data: s('sic-self-inspection') }, { actor, commandId: `bench-inspect-${i}` });
        await runtime.engine.send(instanceId, { type: 'ISSUE_CERTIFICATE', data: { ...s('sic-issue'), issuedOn: today } }, { actor, commandId: `bench-issue-${i}` });
      });
      const issueStepsPerSec = (total * 3 * 1000) / (performance.now() - issueStart);
      const issued = await runtime.engine.query({ workflowId: 'selfInspectToCertificate', subject: FARM, state: 'certified', limit: total });
      const bulk = issued.slice(0, BATCH);
      const single = issued.slice(BATCH);
      progress(`signing ${BATCH.toLocaleString('en-US')} in chunks of ${CHUNK}, then ${ONE_BY_ONE.toLocaleString('en-US')} one by one`);
      const bulkStart = performance.now();
      for (let i = 0; i < bulk.length; i += CHUNK) await runtime.certificates.ensureMany(bulk.slice(i, i + CHUNK));
      const bulkMs = performance.now() - bulkStart;
      const oneByOnePerSec = await ratePerSecond(single.length, (i) => runtime.certificates.ensure(single[i]!));
      const stored = await runtime.db.query<{ n: string }>('SELECT count(*) AS n FROM nongan_certificates');
      if (Number(stored.rows[0]!.n) !== total) throw new Error(`expected ${total} signed certificates, found ${stored.rows[0]!.n}`);
      return { rawSignPerSec: median(raw), tokenSignPerSec: median(tokens), verifyPerSec: verify, bulkMs, bulkPerSec: (BATCH * 1000) / bulkMs, oneByOnePerSec, issueStepsPerSec };
    } finally {
      await runtime.close();
    }
  } finally {
    await cluster.destroy();
  }
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits });
const share = (a: number, b: number) => `${((a / b) * 100).toFixed(1)}%`;

export function certificatesTable(r: CertificatesBenchResult): string {
  return markdownTable([
    ['metric', 'value', 'vs bare Ed25519 sign'],
    ['bare Ed25519 sign of the canonical bytes (Web Crypto), /s (limit)', fmt(r.rawSignPerSec), '100%'],
    ['certificate token: canonical JSON + sign + base64url, /s', fmt(r.tokenSignPerSec), share(r.tokenSignPerSec, r.rawSignPerSec)],
    ['verify a token on the device (Node), /s', fmt(r.verifyPerSec), '—'],
    [`server: sign and store ${fmt(BATCH)} in one batch (ensureMany, ${CHUNK} per call), s`, fmt(r.bulkMs / 1000, 2), '—'],
    ['server: bulk sign and store, certificates/s', fmt(r.bulkPerSec), share(r.bulkPerSec, r.rawSignPerSec)],
    ['server: one by one (ensure, as the case page asks), certificates/s', fmt(r.oneByOnePerSec), share(r.oneByOnePerSec, r.rawSignPerSec)],
    ['engine: issuing steps on PostgreSQL (start, self-inspect, issue), steps/s', fmt(r.issueStepsPerSec), '—'],
  ]);
}
