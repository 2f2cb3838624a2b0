/** Which published design replaces a form on a date: region variant over base form, latest effective wins. */
import type { VersionRecord } from '@nongan/designer';
import { describe, expect, it } from 'vitest';
import { designInForce, replacedFormId } from '../../src/designs/formCatalog.js';

const definition = (id: string, version: string) => ({ id, version, title: { zh: 't', en: 't' }, schema: { type: 'object', properties: {} }, fields: {}, layout: [] }) as never;
const base = (version: string, effectiveFrom: string, publishedAt = `${effectiveFrom}T00:00:00Z`): VersionRecord => ({
  docId: 'sic-batch',
  version,
  effectiveFrom,
  note: 'n',
  publishedAt,
  doc: { kind: 'form', definition: definition('sic-batch', version) },
});
const variant = (region: string, version: string, effectiveFrom: string): VersionRecord => ({
  docId: `sic-batch-${region}`,
  version,
  effectiveFrom,
  note: 'n',
  publishedAt: `${effectiveFrom}T00:00:00Z`,
  doc: { kind: 'variant', variant: { id: `sic-batch-${region}`, version, region, base: { id: 'sic-batch', version: '1.0.0' }, overlay: {} } },
});

describe('designInForce', () => {
  const published = [base('2.0.0', '2026-01-01'), base('3.0.0', '2026-04-01'), variant('kaizhou', '1.0.0-kz.2', '2026-02-01')];

  it('names the engine form a design replaces', () => {
    expect(replacedFormId(published[0]!)).toEqual({ formId: 'sic-batch', region: null });
    expect(replacedFormId(published[2]!)).toEqual({ formId: 'sic-batch', region: 'kaizhou' });
  });

  it('prefers the region variant in force, then the latest base form in force', () => {
    expect(designInForce(published, 'kaizhou', 'sic-batch', '2026-03-02')?.version).toBe('1.0.0-kz.2');
    expect(designInForce(published, 'luoyang', 'sic-batch', '2026-03-02')?.version).toBe('2.0.0');
    expect(designInForce(published, 'luoyang', 'sic-batch', '2026-04-01')?.version).toBe('3.0.0');
    expect(designInForce(published, 'kaizhou', 'sic-batch', '2026-01-15')?.version).toBe('2.0.0');
  });

  it('returns null before anything is in force, or for another form', () => {
    expect(designInForce(published, 'luoyang', 'sic-batch', '2025-12-31')).toBeNull();
    expect(designInForce(published, 'luoyang', 'sic-issue', '2026-06-01')).toBeNull();
  });
});
