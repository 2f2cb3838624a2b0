/**
 * Beijing 达标场 (seed 000): a farm fails re-evaluation, rectifies, fails again, is revoked, is
 * refused on re-application 11 months later and accepted after 12; and a warning case reaching the
 * certification case through engine messages.
 */
import { describe, expect, it } from 'vitest';
import { sampleData, startCase, type CertificationContext } from '../../src/index.js';
import { actorFor, chinaTime, fireNextDeadline, makeEngine } from '../harness.js';

const FARM = 'bj-farm-9';
const farm = actorFor('beijing', 'producer', FARM);
const expert = actorFor('beijing', 'expert-office');
const municipal = actorFor('beijing', 'municipal');
const district = actorFor('beijing', 'district');
const application = sampleData('beijing', 'cert-application');
const score = (value: number, evaluatedOn: string) => ({ score: value, method: 'onsite', evaluatedOn });

describe('Beijing: fail, rectify, fail again, revoked, 1-year ban (seed 000 §六–§七)', () => {
  it('walks the case and enforces the ban at the next application', async () => {
    const harness = makeEngine(chinaTime('2026-01-05'));
    const { engine, clock } = harness;
    const { instanceId } = await startCase(engine, 'certification', { actor: farm, region: 'beijing', subject: FARM, data: application });
    await engine.send(instanceId, { type: 'EVALUATE', data: score(85, '2026-01-08') }, { actor: expert });
    clock.set(chinaTime('2026-01-10'));
    await engine.send(instanceId, { type: 'RECOGNISE' }, { actor: municipal });
    // §六(一) yearly self-evaluation, §五(二) yearly guidance visit
    await engine.send(instanceId, { type: 'SELF_EVALUATION', data: { year: 2026, score: 90 } }, { actor: farm });
    await engine.send(instanceId, { type: 'GUIDANCE_VISIT', data: { visitedOn: '2026-05-20', drugUseCompliant: true, advice: '完善用药记录' } }, { actor: district });

    // §六(二): re-evaluation every two years — recognised 2026-01-10, due at the end of 2028-01-10
    expect(await fireNextDeadline(harness, instanceId)).toBe('YEAR_ENDS');
    expect(await fireNextDeadline(harness, instanceId)).toBe('RE_EVALUATION_DUE');
    expect(clock.now()).toBe(chinaTime('2028-01-11', '00:00'));
    clock.set(chinaTime('2028-01-20'));
    // 76 < 80 → fail → mark suspended, rectify within 6 months (§六(三))
    await engine.send(instanceId, { type: 'RE_EVALUATE', data: score(76, '2028-01-20') }, { actor: expert });
    const suspended = await engine.get(instanceId);
    expect([suspended.stateKey, suspended.nextDueAt]).toEqual(['suspended', chinaTime('2028-07-21', '00:00')]);
    clock.set(chinaTime('2028-05-01'));
    await engine.send(instanceId, { type: 'RECTIFICATION_REPORT', data: { measures: '规范用药台账', completedOn: '2028-04-28' } }, { actor: farm });
    clock.set(chinaTime('2028-05-10'));
    // 80 is a pass (得分在80分以上的，认定为合格)
    expect((await engine.send(instanceId, { type: 'RECHECK', data: score(80, '2028-05-10') }, { actor: expert })).stateKey).toBe('certified');

    // Two years later it fails again and does not report: the 6 months run out, the re-check fails too.
    expect(await fireNextDeadline(harness, instanceId)).toBe('YEAR_ENDS');
    expect(await fireNextDeadline(harness, instanceId)).toBe('RE_EVALUATION_DUE');
    expect(clock.now()).toBe(chinaTime('2030-05-11', '00:00'));
    await engine.send(instanceId, { type: 'RE_EVALUATE', data: score(70, '2030-05-11') }, { actor: expert });
    expect(await fireNextDeadline(harness, instanceId)).toBe('RECTIFICATION_DUE');
    expect(clock.now()).toBe(chinaTime('2030-11-12', '00:00'));
    await engine.send(instanceId, { type: 'RECHECK', data: score(72, '2030-11-15') }, { actor: expert });
    await engine.send(instanceId, { type: 'PROPOSE_EXIT', data: { ground: 'recheck-failed', evidence: '复核72分' } }, { actor: expert });
    clock.set(chinaTime('2031-01-15', '10:00'));
    const revoked = await engine.send(instanceId, { type: 'REVOKE', data: { announcement: '取消达标场资格，收回标识', decidedOn: '2031-01-15' } }, { actor: municipal });
    expect([revoked.stateKey, revoked.status]).toEqual(['revoked', 'done']);
    const context = (await engine.get(instanceId)).context as CertificationContext;
    expect(context.scores.map((s) => [s.kind, s.score, s.passed])).toEqual([
      ['evaluation', 85, true],
      ['reEvaluation', 76, false],
      ['recheck', 80, true],
      ['reEvaluation', 70, false],
      ['recheck', 72, false],
    ]);
    expect(context.revocation).toEqual({ by: 'decision', announcement: '取消达标场资格，收回标识', banYears: 1 });

    // §七: 1年内不得再次申报. 11 months later: refused, nothing written.
    clock.set(chinaTime('2031-12-15'));
    const refused = await startCase(engine, 'certification', { actor: farm, region: 'beijing', subject: FARM, data: application }).catch((e) => e);
    expect(refused).toMatchObject({ code: 'rule-refused', details: { rule: 'seed 000 §七' } });
    expect(refused.messageZh).toContain('1年内不得再次申报（至 2032-01-15 止）');
    expect(refused.message).toContain('revoked on 2031-01-15');
    expect(await engine.count({ workflowId: 'certification', subject: FARM })).toBe(1);
    // The last day of the ban is still refused; the day after, 12 months on, the application is accepted.
    clock.set(chinaTime('2032-01-15', '23:00'));
    await expect(startCase(engine, 'certification', { actor: farm, region: 'beijing', subject: FARM, data: application })).rejects.toMatchObject({ code: 'rule-refused' });
    clock.set(chinaTime('2032-01-16'));
    const again = await startCase(engine, 'certification', { actor: farm, region: 'beijing', subject: FARM, data: application });
    expect(again.stateKey).toBe('evaluation');
    // … and only one open certification per farm.
    await expect(startCase(engine, 'certification', { actor: farm, region: 'beijing', subject: FARM, data: application })).rejects.toMatchObject({
      code: 'rule-refused',
      messageZh: expect.stringContaining('已有进行中的达标场申报'),
    });
  });
});

describe('Beijing: warning to exit reaches the certification by messages (seed 000 §五, §七)', () => {
  async function certifiedFarm() {
    const harness = makeEngine(chinaTime('2026-03-02'));
    const { engine } = harness;
    const cert = await startCase(engine, 'certification', { actor: farm, region: 'beijing', subject: FARM, data: application });
    await engine.send(cert.instanceId, { type: 'EVALUATE', data: score(90, '2026-03-02') }, { actor: expert });
    await engine.send(cert.instanceId, { type: 'RECOGNISE' }, { actor: municipal });
    const warning = await startCase(engine, 'warningToExit', { actor: expert, region: 'beijing', subject: FARM, data: sampleData('beijing', 'warn-finding') });
    return { ...harness, cert: cert.instanceId, warning: warning.instanceId };
  }

  it('suspends on escalation after failed verification and revokes on the exit decision, with the ban', async () => {
    const { engine, clock, cert, warning } = await certifiedFarm();
    await engine.send(warning, { type: 'ISSUE_WARNING', data: { items: '恩诺沙星残留超标', issuedOn: '2026-03-03' } }, { actor: expert });
    await engine.send(warning, { type: 'ORDER_RECTIFICATION', data: { items: '落实休药期', dueDate: '2026-04-30' } }, { actor: district });
    expect((await engine.get(warning)).nextDueAt).toBe(chinaTime('2026-05-01', '00:00'));
    await engine.send(warning, { type: 'REPORT_RECTIFICATION', data: { measures: '停用并整改', completedOn: '2026-04-20' } }, { actor: farm });
    await engine.send(warning, { type: 'VERIFY_FAILED', data: { note: '复查仍检出残留', verifiedOn: '2026-05-06' } }, { actor: district });
    expect((await engine.deliverMessages()).delivered).toHaveLength(1);
    expect((await engine.get(cert)).stateKey).toBe('suspendedByWarning');

    await engine.send(warning, { type: 'PROPOSE_EXIT', data: { ground: 'residue-failed-two-years', evidence: '连续两年抽检不合格' } }, { actor: expert });
    clock.set(chinaTime('2026-06-01'));
    await engine.send(warning, { type: 'DECIDE_EXIT', data: { announcement: '取消资格', decidedOn: '2026-06-01' } }, { actor: municipal });
    await engine.deliverMessages();
    const record = await engine.get(cert);
    expect([record.stateKey, (record.context as CertificationContext).revocation?.by]).toEqual(['revoked', 'warning']);
    expect((await engine.history(cert)).slice(-2).map((e) => [e.kind, e.event.type, e.actor.role])).toEqual([
      ['message', 'WARNING_SUSPEND', 'system'],
      ['message', 'WARNING_REVOKE', 'system'],
    ]);
    clock.set(chinaTime('2026-12-01'));
    await expect(startCase(engine, 'certification', { actor: farm, region: 'beijing', subject: FARM, data: application })).rejects.toMatchObject({ code: 'rule-refused' });
  });

  it('reinstates the mark when the bureau rejects a direct exit, and closes a warning that was rectified', async () => {
    const { engine, cert, warning } = await certifiedFarm();
    await engine.send(warning, { type: 'PROPOSE_DIRECT_EXIT', data: { ground: 'banned-drugs', evidence: '检出禁用药' } }, { actor: expert });
    await engine.deliverMessages();
    expect((await engine.get(cert)).stateKey).toBe('suspendedByWarning');
    await engine.send(warning, { type: 'REJECT_EXIT', data: { reason: '复检阴性，证据不足' } }, { actor: municipal });
    await engine.deliverMessages();
    expect((await engine.get(cert)).stateKey).toBe('certified');

    const second = await startCase(engine, 'warningToExit', { actor: district, region: 'beijing', subject: FARM, data: sampleData('beijing', 'warn-finding') });
    await engine.send(second.instanceId, { type: 'ORDER_RECTIFICATION', data: { items: '完善处方记录', dueDate: '2026-04-30' } }, { actor: district });
    await engine.send(second.instanceId, { type: 'REPORT_RECTIFICATION', data: { measures: '已完善', completedOn: '2026-04-01' } }, { actor: farm });
    const closed = await engine.send(second.instanceId, { type: 'VERIFY_PASSED', data: { note: '核查合格', verifiedOn: '2026-04-03' } }, { actor: district });
    expect([closed.stateKey, (await engine.get(cert)).stateKey]).toEqual(['closed', 'certified']);
  });
});
