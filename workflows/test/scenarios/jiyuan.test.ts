/**
 * Jiyuan 先打后补 (seed 002), one farm from application to payment across the 2024→2025 subsidy year,
 * with an injected clock; and parameter versions pinned at start across the 2025-09-01 rule change.
 */
import { describe, expect, it } from 'vitest';
import { allocateBudget, sampleData, startCase, subsidyAllocationFor, type QualificationContext } from '../../src/index.js';
import { actorFor, chinaTime, makeEngine } from '../harness.js';

const FARM = 'jy-farm-88';
const farm = actorFor('jiyuan', 'producer', FARM);
const supervision = actorFor('jiyuan', 'supervision');
const district = actorFor('jiyuan', 'district');
const lab = actorFor('jiyuan', 'lab');

describe('Jiyuan: application to payment, subsidy year 2024 (seed 002)', () => {
  it('walks the whole case with the legal deadlines', async () => {
    const { engine, clock } = makeEngine(chinaTime('2024-10-15'));
    const { instanceId } = await startCase(engine, 'qualificationReview', {
      actor: farm,
      region: 'jiyuan',
      subject: FARM,
      data: { farmName: '济源市梨林镇兴旺养猪场', year: 2024 },
    });
    // seed 002 §二(三): the 2024 application closes on 2024-10-30 → the window deadline is the end of that day
    expect((await engine.get(instanceId)).nextDueAt).toBe(chinaTime('2024-10-31', '00:00'));

    // §三(一): pigs 存栏300头或年出栏500头 — 800 in stock qualifies; §四(二) initial and final review
    await engine.send(instanceId, { type: 'SUBMIT', data: { species: 'pig', stock: 800, annualOutput: 1500 } }, { actor: farm });
    await engine.send(instanceId, { type: 'INITIAL_APPROVE' }, { actor: supervision });
    await engine.send(instanceId, { type: 'FINAL_APPROVE' }, { actor: district });
    await engine.send(instanceId, { type: 'NOTIFY_QUALIFIED' }, { actor: district });

    clock.set(chinaTime('2024-11-05'));
    await engine.send(instanceId, { type: 'RECORD_IMMUNISATION', data: { ...sampleData('jiyuan', 'qr-immunisation'), immunisedHeads: 800, immunisedOn: '2024-11-05' } }, { actor: farm });

    // §三(三): not a large farm (800 < 5000 pigs), so the lab samples; results within 10 working days:
    // sampled Mon 2024-12-02 → Dec 3–6 (4), Dec 9–13 (9), Dec 16 (10) → due at the end of 2024-12-16
    clock.set(chinaTime('2024-12-02'));
    await engine.send(instanceId, { type: 'SAMPLE', data: { sampledOn: '2024-12-02', samples: 20 } }, { actor: lab });
    expect((await engine.get(instanceId)).nextDueAt).toBe(chinaTime('2024-12-17', '00:00'));
    clock.set(chinaTime('2024-12-10'));
    // 18 / 20 = 90% ≥ 70%
    await engine.send(instanceId, { type: 'ENTER_RESULTS', data: { reportNo: 'JY-2024-118', samples: 20, results: [{ disease: 'FMD', tested: 20, passed: 18 }] } }, { actor: lab });
    expect((await engine.get(instanceId)).stateKey).toBe('eligible');

    // The 2024 subsidy year ends 2025-03-10 (§二(三)); the farm claims in March 2025.
    // finishing pigs: min(quarantine 1500, immunised 800) = 800 × 7 CNY = 5,600 CNY = 560,000 fen (§二(二)1–2)
    clock.set(chinaTime('2025-03-12'));
    await engine.send(instanceId, { type: 'CLAIM', data: { lines: [{ subsidyClass: 'finishingPig', quarantineCount: 1500, stockCount: 800, immunisedCount: 800 }] } }, { actor: farm });
    expect((await engine.get(instanceId)).context).toMatchObject({ claim: { claimedFen: 560_000 } });
    await engine.send(instanceId, { type: 'CLAIM_INITIAL_APPROVE' }, { actor: supervision });

    // The year's claims total 700,000 CNY > 600,000 CNY (§二(二)3): ratio 6/7 → 560,000 × 6 / 7 = 480,000 fen
    const allocation = allocateBudget(
      [
        { farmId: FARM, claimedFen: 560_000 },
        { farmId: 'jy-farm-2', claimedFen: 40_000_000 },
        { farmId: 'jy-farm-3', claimedFen: 29_440_000 },
      ],
      60_000_000,
    );
    const approvedFen = allocation.allocations[0]!.payableFen;
    expect(approvedFen).toBe(480_000);

    // §四(四): final review, then 5 working days of public notice: Mon 2025-03-17 → Mar 18–21 (4), Mar 24 (5)
    clock.set(chinaTime('2025-03-17', '10:00'));
    await engine.send(instanceId, { type: 'CLAIM_FINAL_APPROVE', data: { approvedFen } }, { actor: district });
    const notice = await engine.get(instanceId);
    expect([notice.stateKey, notice.nextDueAt]).toEqual(['claimNotice', chinaTime('2025-03-25', '00:00')]);
    clock.set(chinaTime('2025-03-25', '08:00'));
    expect((await engine.runDueTimers()).fired.map((f) => f.event)).toEqual(['NOTICE_ENDS']);
    // §四(四): disbursed by 30 April of the following year
    expect((await engine.get(instanceId)).nextDueAt).toBe(chinaTime('2025-05-01', '00:00'));

    // Paying another amount than approved is refused; the approved amount is paid.
    clock.set(chinaTime('2025-04-20'));
    await expect(engine.send(instanceId, { type: 'PAY', data: { paidFen: 560_000, paidOn: '2025-04-20', method: 'bank-transfer' } }, { actor: district })).rejects.toMatchObject({
      code: 'rule-refused',
      messageZh: expect.stringContaining('拨付金额（5,600.00元）须等于核定金额（4,800.00元）'),
      details: { rule: 'seed 002 §四(四)', path: '/paidFen' },
    });
    const paid = await engine.send(instanceId, { type: 'PAY', data: { paidFen: 480_000, paidOn: '2025-04-20', method: 'bank-transfer' } }, { actor: district });
    expect([paid.stateKey, paid.status]).toEqual(['paid', 'done']);

    const record = await engine.get(instanceId);
    const context = record.context as QualificationContext;
    expect([record.pins.params, context.params.version]).toEqual(['jiyuan@2024-10-10', 'jiyuan@2024-10-10']);
    expect(context.period).toEqual({ from: '2024-03-11', to: '2025-03-10' });
    expect(context.paid).toEqual({ fen: 480_000, paidOn: '2025-04-20', method: 'bank-transfer' });
    expect(context.paymentOverdue).toBe(false);
    const journal = await engine.history(instanceId);
    expect(journal.map((e) => e.event.type)).toEqual([
      'start', 'SUBMIT', 'INITIAL_APPROVE', 'FINAL_APPROVE', 'NOTIFY_QUALIFIED', 'RECORD_IMMUNISATION', 'SAMPLE', 'ENTER_RESULTS',
      'CLAIM', 'CLAIM_INITIAL_APPROVE', 'CLAIM_FINAL_APPROVE', 'NOTICE_ENDS', 'PAY',
    ]);
    expect((await engine.verify(instanceId)).ok).toBe(true);
  });

  it('deems a farm that does not apply by 2024-10-30 to have waived (§四(一) 视为放弃)', async () => {
    const { engine, clock } = makeEngine(chinaTime('2024-10-20'));
    const { instanceId } = await startCase(engine, 'qualificationReview', { actor: farm, region: 'jiyuan', subject: FARM, data: { farmName: '迟到养殖场', year: 2024 } });
    clock.set(chinaTime('2024-10-31', '08:00'));
    // The late submission first fires the passed deadline, then is refused in the waived case.
    await expect(engine.send(instanceId, { type: 'SUBMIT', data: { species: 'pig', stock: 800, annualOutput: 0 } }, { actor: farm })).rejects.toMatchObject({ code: 'not-allowed-in-state' });
    expect((await engine.get(instanceId)).stateKey).toBe('waived');
  });

  it('closes the 2025 window on 10 March (§二(三) 从2025年起 … 当年3月10日前)', async () => {
    const { engine } = makeEngine(chinaTime('2025-02-20'));
    const { instanceId } = await startCase(engine, 'qualificationReview', { actor: farm, region: 'jiyuan', subject: FARM, data: { farmName: '示范养殖场', year: 2025 } });
    expect((await engine.get(instanceId)).nextDueAt).toBe(chinaTime('2025-03-11', '00:00'));
  });
});

describe('Jiyuan: parameter versions across the national threshold change of 2025-09-01', () => {
  const smallByOutput = { species: 'pig', stock: 300, annualOutput: 0 };

  it('keeps the version in force when the case started', async () => {
    const { engine, clock } = makeEngine(chinaTime('2025-08-20'));
    const before = await startCase(engine, 'qualificationReview', { actor: farm, region: 'jiyuan', subject: FARM, data: { farmName: '老规则养殖场', year: 2026 } });
    clock.set(chinaTime('2025-09-05'));
    // Another farm: one farm applies once per subsidy year (seed 002 §二).
    const otherFarm = actorFor('jiyuan', 'producer', 'jy-farm-89');
    const after = await startCase(engine, 'qualificationReview', { actor: otherFarm, region: 'jiyuan', subject: 'jy-farm-89', data: { farmName: '新规则养殖场', year: 2026 } });
    expect([(await engine.get(before.instanceId)).pins.params, (await engine.get(after.instanceId)).pins.params]).toEqual(['jiyuan@2024-10-10', 'jiyuan@2025-09-01']);

    // seed 002 §三(一): 存栏300头 qualifies under the pinned 2024 version …
    expect((await engine.send(before.instanceId, { type: 'SUBMIT', data: smallByOutput }, { actor: farm })).stateKey).toBe('initialReview');
    // … but not under the national thresholds (pigs: 年出栏≥500 only)
    // The refusal says which rule, with the numbers of the version the case pinned.
    await expect(engine.send(after.instanceId, { type: 'SUBMIT', data: smallByOutput }, { actor: otherFarm })).rejects.toMatchObject({
      code: 'rule-refused',
      messageZh: expect.stringContaining('生猪养殖场须年出栏≥500头方可申请'),
      details: { rule: 'seed 002 §三(一)', path: '/annualOutput' },
    });
    expect((await engine.send(after.instanceId, { type: 'SUBMIT', data: { species: 'pig', stock: 300, annualOutput: 600 } }, { actor: otherFarm })).stateKey).toBe('initialReview');
  });
});

describe('Jiyuan: one application per farm and subsidy year (seed 002 §二)', () => {
  it('refuses a second start and says which case is in the way; a discarded draft no longer counts', async () => {
    const { engine } = makeEngine(chinaTime('2025-09-05'));
    const start = (year: number) => startCase(engine, 'qualificationReview', { actor: farm, region: 'jiyuan', subject: FARM, data: { farmName: '示范养殖场', year } });
    const first = await start(2026);
    expect((await engine.get(first.instanceId)).caseNumber).toBe('济源-2025-000001');
    const again = await start(2026).catch((e) => e);
    expect(again).toMatchObject({ code: 'rule-refused', details: { rule: 'seed 002 §二', existing: { instanceId: first.instanceId, caseNumber: '济源-2025-000001' } } });
    expect(again.messageZh).toContain('尚未提交');
    expect(again.messageZh).not.toContain(FARM);
    expect(await engine.count({ workflowId: 'qualificationReview', subject: FARM })).toBe(1);

    // Discarded, the draft is closed and the same year may be started again.
    expect((await engine.send(first.instanceId, { type: 'DISCARD' }, { actor: farm })).stateKey).toBe('discarded');
    const second = await start(2026);
    expect(second.instanceId).not.toBe(first.instanceId);

    // Submitted, it is an application already made; another subsidy year is a new application.
    await engine.send(second.instanceId, { type: 'SUBMIT', data: { species: 'pig', stock: 300, annualOutput: 600 } }, { actor: farm });
    await expect(start(2026)).rejects.toMatchObject({ code: 'rule-refused', messageZh: expect.stringContaining('本场已申请 2026 年度') });
    await expect(engine.send(second.instanceId, { type: 'DISCARD' }, { actor: farm })).rejects.toMatchObject({ code: expect.any(String) });
    expect((await engine.get(second.instanceId)).stateKey).toBe('initialReview');
    await expect(start(2027)).resolves.toMatchObject({ stateKey: 'draft' });
  });

  it('lets only the farm discard its draft', async () => {
    const { engine } = makeEngine(chinaTime('2025-09-05'));
    const { instanceId } = await startCase(engine, 'qualificationReview', { actor: farm, region: 'jiyuan', subject: FARM, data: { farmName: '示范养殖场', year: 2026 } });
    await expect(engine.send(instanceId, { type: 'DISCARD' }, { actor: supervision })).rejects.toMatchObject({ code: 'forbidden' });
    expect((await engine.get(instanceId)).stateKey).toBe('draft');
  });
});

describe('Jiyuan: the year\'s allocation over the cases in the engine (seed 002 §二(二)3)', () => {
  it('scales the claims of the year to the 600,000 CNY budget and the district approves that amount', async () => {
    const { engine } = makeEngine(chinaTime('2024-10-15'));
    const claimsCNY = [300_000, 250_000, 150_000]; // 700,000 CNY claimed > 600,000 CNY
    const ids: string[] = [];
    for (const [i, cny] of claimsCNY.entries()) {
      const subject = `jy-farm-${i + 1}`;
      const actor = actorFor('jiyuan', 'producer', subject);
      const { instanceId } = await startCase(engine, 'qualificationReview', { actor, region: 'jiyuan', subject, data: { farmName: `养殖场${i + 1}`, year: 2024 } });
      // layers at 0.5 CNY a bird (§二(二)1): heads = claim × 2
      const heads = cny * 2;
      await engine.send(instanceId, { type: 'SUBMIT', data: { species: 'layer', stock: heads, annualOutput: 0 } }, { actor });
      await engine.send(instanceId, { type: 'INITIAL_APPROVE' }, { actor: supervision });
      await engine.send(instanceId, { type: 'FINAL_APPROVE' }, { actor: district });
      await engine.send(instanceId, { type: 'NOTIFY_QUALIFIED' }, { actor: district });
      await engine.send(instanceId, { type: 'RECORD_IMMUNISATION', data: { ...sampleData('jiyuan', 'qr-immunisation'), immunisedHeads: heads } }, { actor });
      // a large layer farm (≥50,000 birds) self-tests with ≥30 samples (§三(三)): 27 / 30 = 90%
      await engine.send(instanceId, { type: 'SELF_TEST_REPORT', data: { reportNo: `R${i}`, samples: 30, results: [{ disease: 'HPAI', tested: 30, passed: 27 }] } }, { actor });
      await engine.send(instanceId, { type: 'CLAIM', data: { lines: [{ subsidyClass: 'layer', quarantineCount: 0, stockCount: heads, immunisedCount: heads }] } }, { actor });
      ids.push(instanceId);
    }
    const allocation = await subsidyAllocationFor(engine, 'jiyuan', 2024);
    // ratio 600,000 / 700,000 = 6/7, in fen: 30,000,000 × 6/7 = 25,714,285.71… ; 25,000,000 × 6/7 = 21,428,571.43… ;
    // 15,000,000 × 6/7 = 12,857,142.86… ; floors sum to 59,999,998 → the 2 fen left go to the largest remainders,
    // farm 3 (.86) and farm 1 (.71): 25,714,286 + 21,428,571 + 12,857,143 = 60,000,000
    expect(allocation.allocations.map((a) => [a.farmId, a.claimedFen, a.payableFen])).toEqual([
      ['jy-farm-1', 30_000_000, 25_714_286],
      ['jy-farm-2', 25_000_000, 21_428_571],
      ['jy-farm-3', 15_000_000, 12_857_143],
    ]);
    expect(allocation.payableTotalFen).toBe(60_000_000);
    await engine.send(ids[0]!, { type: 'CLAIM_INITIAL_APPROVE' }, { actor: supervision });
    const decided = await engine.send(ids[0]!, { type: 'CLAIM_FINAL_APPROVE', data: { approvedFen: allocation.allocations[0]!.payableFen } }, { actor: district });
    expect(decided.stateKey).toBe('claimNotice');
    // A rejected claim no longer shares the budget: 300,000 + 250,000 = 550,000 CNY ≤ 600,000, paid in full.
    await engine.send(ids[2]!, { type: 'CLAIM_INITIAL_REJECT', data: { reason: '存栏数据异常且无佐证' } }, { actor: supervision });
    const after = await subsidyAllocationFor(engine, 'jiyuan', 2024);
    expect([after.scaled, after.allocations.map((a) => a.farmId)]).toEqual([false, ['jy-farm-1', 'jy-farm-2']]);
  });
});
