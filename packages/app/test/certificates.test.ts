/** The public lookup behind `#/verify/<code>`, over a real engine with Inner Mongolia's demo batches. */
import { createEngine, createManualClock, createMemoryStore, type Engine, type InstanceRecord } from '@nongan/engine';
import { createRegionEngineOptions, seedDemo } from '@nongan/workflows';
import { beforeAll, describe, expect, it } from 'vitest';
import { certificateOf, lookupCertificate } from '../src/pages/certificates.js';

let engine: Engine;
let batches: InstanceRecord[];
const urlFor = (code: string) => `https://portal.example/#/verify/${encodeURIComponent(code)}`;

beforeAll(async () => {
  const clock = createManualClock('2026-03-02T09:00:00+08:00');
  engine = createEngine(createRegionEngineOptions({ store: createMemoryStore(), clock }));
  await seedDemo(engine, { region: 'inner-mongolia', clock });
  batches = await engine.query({ workflowId: 'selfInspectToCertificate', region: 'inner-mongolia' });
});

const codeOf = (i: InstanceRecord) => (i.context as { certificate: { code: string } }).certificate.code;

describe('certificate verification', () => {
  it('maps an issued batch to the printable certificate with its verify address', () => {
    const issued = batches.find((b) => b.stateKey === 'certified')!;
    const card = certificateOf(issued, urlFor)!;
    expect(card.number).toMatch(/^HGZ-NM-20260302-/);
    expect(card.quantity.amount).toBeGreaterThan(0);
    expect(['千克', '头/只', '箱']).toContain(card.quantity.unit);
    expect(card.verifyUrl).toBe(urlFor(codeOf(issued)));
    expect(certificateOf(batches.find((b) => b.stateKey === 'batchOpen')!, urlFor)).toBeNull();
  });

  it('finds a genuine certificate valid', async () => {
    const issued = batches.find((b) => b.stateKey === 'certified')!;
    const result = await lookupCertificate(engine, codeOf(issued), urlFor);
    expect(result.status).toBe('valid');
  });

  it('finds a certificate by the number printed on it, and not by a number it did not issue', async () => {
    const issued = batches.find((b) => b.stateKey === 'certified')!;
    const card = certificateOf(issued, urlFor)!;
    expect(card.verificationCode).toBeUndefined();
    expect((await lookupCertificate(engine, `  ${card.number} `, urlFor)).status).toBe('valid');
    const open = batches.find((b) => b.stateKey === 'batchOpen')!;
    expect((await lookupCertificate(engine, card.number.replace(issued.id, open.id), urlFor)).status).toBe('not-found');
  });

  it('reports a certificate recorded as fake as revoked, with the note', async () => {
    const fake = batches.find((b) => b.stateKey === 'creditRecorded')!;
    const result = await lookupCertificate(engine, codeOf(fake), urlFor);
    expect(result.status).toBe('revoked');
  });

  it('does not find altered, foreign or unknown codes', async () => {
    const code = codeOf(batches.find((b) => b.stateKey === 'certified')!);
    expect((await lookupCertificate(engine, code.replace(/\|q=(\d+)/, '|q=9$1'), urlFor)).status).toBe('not-found');
    expect((await lookupCertificate(engine, 'HGZ-NM-20260302-nothing', urlFor)).status).toBe('not-found');
    expect((await lookupCertificate(engine, '', urlFor)).status).toBe('not-found');
  });
});
