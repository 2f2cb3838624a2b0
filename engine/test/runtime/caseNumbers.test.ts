/**
 * 受理编号: every case opens with a number people can quote — unique in the store, in its region's
 * series for the China year, kept by the journal (a replay rebuilds it), continued after a restore.
 */
import { describe, expect, it } from 'vitest';
import { createEngine, createMemoryStore, type Store } from '../../src/index.js';
import { createManualClock } from '../../src/testing/index.js';
import { actors, application, MONDAY, openReview } from '../fixtures/harness.js';
import { reviewWorkflow, warningWorkflow } from '../fixtures/sampleWorkflows.js';
import { testValidator } from '../fixtures/testValidator.js';

function engineOn(store: Store = createMemoryStore(), options: { at?: number; series?: (o: { region: string; at: number }) => string } = {}) {
  const clock = createManualClock(options.at ?? MONDAY);
  const engine = createEngine({
    store,
    clock,
    workflows: [reviewWorkflow, warningWorkflow],
    validate: testValidator,
    messageDelivery: 'manual',
    ...(options.series ? { caseNumberSeries: options.series } : {}),
  });
  return { engine, store, clock };
}

describe('case numbers (受理编号)', () => {
  it('numbers cases in their region and China year, from 000001, and journals the number with the opening', async () => {
    const { engine, store } = engineOn();
    await openReview(engine, 'case-1');
    await openReview(engine, 'case-2', 'farm-2');
    expect((await engine.get('case-1')).caseNumber).toBe('jiyuan-2026-000001');
    expect((await engine.get('case-2')).caseNumber).toBe('jiyuan-2026-000002');
    expect((await store.getJournal('case-2'))[0]!.opened?.caseNumber).toBe('jiyuan-2026-000002');
    expect((await engine.verify('case-2')).ok).toBe(true);
  });

  it('takes the year of the China date: 2026-12-31 16:30 UTC is already 2027 in Beijing', async () => {
    const { engine } = engineOn(createMemoryStore(), { at: Date.parse('2026-12-31T16:30:00Z') });
    await openReview(engine, 'case-1');
    expect((await engine.get('case-1')).caseNumber).toBe('jiyuan-2027-000001');
  });

  it('gives concurrent starts distinct numbers', async () => {
    const { engine } = engineOn();
    await Promise.all(Array.from({ length: 12 }, (_, i) => openReview(engine, `case-${i}`)));
    const numbers = await Promise.all(Array.from({ length: 12 }, async (_, i) => (await engine.get(`case-${i}`)).caseNumber));
    expect(new Set(numbers).size).toBe(12);
    expect([...numbers].sort()[11]).toBe('jiyuan-2026-000012');
  });

  it('takes no number for a start it refuses (who, what was sent, a case that exists)', async () => {
    const { engine } = engineOn();
    await openReview(engine, 'case-1');
    await expect(engine.start('sample-review', { actor: actors.supervision, region: 'jiyuan', subject: 'farm-1', data: application })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(engine.start('sample-review', { actor: actors.farm, region: 'jiyuan', subject: 'farm-1', data: { farmName: '' } })).rejects.toMatchObject({ code: 'invalid-data' });
    await expect(openReview(engine, 'case-1')).rejects.toMatchObject({ code: 'already-exists' });
    await openReview(engine, 'case-2', 'farm-2');
    expect((await engine.get('case-2')).caseNumber).toBe('jiyuan-2026-000002');
  });

  it('uses the series a deployment names, and refuses one people could not read', async () => {
    const named = engineOn(createMemoryStore(), { series: ({ at }) => `济源-${new Date(at).getUTCFullYear()}` }).engine;
    await openReview(named, 'case-1');
    expect((await named.get('case-1')).caseNumber).toBe('济源-2026-000001');
    const spaced = engineOn(createMemoryStore(), { series: () => 'ji yuan' }).engine;
    await expect(openReview(spaced, 'case-1')).rejects.toMatchObject({ code: 'invalid-definition', details: { path: 'caseNumberSeries' } });
  });

  it('continues the series after a restore instead of handing out a restored number again', async () => {
    const source = engineOn();
    await openReview(source.engine, 'case-1');
    await openReview(source.engine, 'case-2', 'farm-2');
    const target = engineOn();
    await target.engine.importAll(await source.store.exportAll());
    await openReview(target.engine, 'case-3');
    expect((await target.engine.get('case-3')).caseNumber).toBe('jiyuan-2026-000003');
  });
});
