/**
 * Kaizhou (seed 003) and the certificate lifecycle: a batch whose rapid test flags a banned drug,
 * through enforcement sampling to case filing; certificates issued and verified by anyone.
 */
import { describe, expect, it } from 'vitest';
import { instanceIdOfNumber, parseVerificationCode, sampleData, startCase, verificationCode, verifyCertificate, type BatchContext } from '../../src/index.js';
import { actorFor, chinaTime, makeEngine } from '../harness.js';

const PRODUCER = 'kz-coop-3';
const producer = actorFor('kaizhou', 'producer', PRODUCER);
const inspector = actorFor('kaizhou', 'inspector');
const district = actorFor('kaizhou', 'district');
const lab = actorFor('kaizhou', 'lab');
const enforcement = actorFor('kaizhou', 'enforcement');
const batch = { ...sampleData('kaizhou', 'sic-batch'), productName: '生猪', category: 'livestock', quantity: 20, unit: 'head' };

describe('Kaizhou: rapid test flags a banned drug → enforcement sampling → lab result → case filed (seed 001 §三, seed 003 §(一)(四))', () => {
  it('walks the batch to case filing, and it never reaches the market', async () => {
    const { engine } = makeEngine(chinaTime('2026-04-10'));
    const { instanceId } = await startCase(engine, 'selfInspectToCertificate', { actor: producer, region: 'kaizhou', subject: PRODUCER, data: batch });
    // The grid inspector's colloidal-gold test: suspected clenbuterol → reported to the district bureau
    const reported = await engine.send(instanceId, { type: 'RAPID_TEST', data: { method: 'colloidal-gold', result: 'suspected-banned', drug: '克伦特罗', testedOn: '2026-04-10' } }, { actor: inspector });
    expect(reported.stateKey).toBe('reportedToDistrict');
    expect((await engine.tasks(district)).map((t) => [t.instance.id, t.events])).toEqual([[instanceId, ['START_ENFORCEMENT_SAMPLING']]]);
    // The producer cannot certify the batch now.
    await expect(engine.send(instanceId, { type: 'ISSUE_CERTIFICATE', data: sampleData('kaizhou', 'sic-issue') }, { actor: producer })).rejects.toMatchObject({ code: 'not-allowed-in-state' });

    await engine.send(instanceId, { type: 'START_ENFORCEMENT_SAMPLING' }, { actor: district });
    await engine.send(instanceId, { type: 'TAKE_ENFORCEMENT_SAMPLE', data: { sampleNo: 'ZFCY-2026-0412', sampledOn: '2026-04-12' } }, { actor: enforcement });
    await engine.send(instanceId, { type: 'ENFORCEMENT_RESULT', data: { result: 'positive', reportNo: 'KZ-ZF-2026-031', drug: '克伦特罗' } }, { actor: lab });
    const filed = await engine.send(instanceId, { type: 'FILE_CASE', data: { caseNo: '开农（农安）立〔2026〕12号', filedOn: '2026-04-20' } }, { actor: enforcement });
    expect(filed.stateKey).toBe('caseFiled');
    const context = (await engine.get(instanceId)).context as BatchContext;
    expect(context.certificate).toBeNull();
    expect(context.enforcement).toEqual({ sampleNo: 'ZFCY-2026-0412', result: 'positive', caseNo: '开农（农安）立〔2026〕12号', transferred: false });
    expect(context.rapidTests).toEqual([{ result: 'suspected-banned', drug: '克伦特罗' }]);
    // seed 003 §(四) 有案必移: a crime goes to the police
    const transferred = await engine.send(instanceId, { type: 'TRANSFER_TO_POLICE', data: { reason: '涉嫌生产、销售有毒、有害食品罪', transferredOn: '2026-05-06' } }, { actor: enforcement });
    expect([transferred.stateKey, transferred.status]).toEqual(['transferredToPolice', 'done']);
    expect((await engine.verify(instanceId)).ok).toBe(true);
  });

  it('blocks a batch whose self-inspection fails (seed 001 §三 禁止该农产品上市销售)', async () => {
    const { engine } = makeEngine(chinaTime('2026-04-10'));
    const { instanceId } = await startCase(engine, 'selfInspectToCertificate', { actor: producer, region: 'kaizhou', subject: PRODUCER, data: batch });
    const blocked = await engine.send(instanceId, { type: 'SELF_INSPECT', data: { basis: 'self-tested', result: 'fail' } }, { actor: producer });
    expect([blocked.stateKey, blocked.status]).toEqual(['blocked', 'done']);
  });
});

describe('certificates: unique numbers, QR payload, public verification', () => {
  async function issue(region: 'kaizhou' | 'inner-mongolia' | 'luoyang', instanceId: string) {
    const { engine } = makeEngine(chinaTime('2026-04-10'));
    const actor = actorFor(region, 'producer', PRODUCER);
    await startCase(engine, 'selfInspectToCertificate', { actor, region, subject: PRODUCER, data: sampleData(region, 'sic-batch'), instanceId });
    await engine.send(instanceId, { type: 'SELF_INSPECT', data: { basis: 'commissioned-test', result: 'pass' } }, { actor });
    await engine.send(instanceId, { type: 'ISSUE_CERTIFICATE', data: { issuedOn: '2026-04-11', quantity: 480, commitmentAccepted: true } }, { actor });
    return { engine, certificate: ((await engine.get(instanceId)).context as BatchContext).certificate! };
  }

  it('issues a certificate carrying the national fields, number unique by case, QR payload with 承诺达标合格证', async () => {
    const { certificate } = await issue('kaizhou', 'kz-batch-7');
    expect(certificate).toMatchObject({
      title: '承诺达标合格证',
      number: 'HGZ-KZ-20260411-kz-batch-7',
      productName: '黄瓜',
      quantity: 480,
      unit: 'kg',
      origin: '重庆市开州区镇安镇',
      producerName: '开州区绿丰蔬菜专业合作社',
      contact: '13800138000',
      issuedOn: '2026-04-11',
      basis: 'commissioned-test',
      electronic: false,
    });
    expect(certificate.code.startsWith('承诺达标合格证|v1|no=HGZ-KZ-20260411-kz-batch-7|')).toBe(true);
    expect(parseVerificationCode(certificate.code)).toMatchObject({ ok: true, fields: { productName: '黄瓜', quantity: 480 } });
    expect(instanceIdOfNumber(certificate.number)).toBe('kz-batch-7');
    // Inner Mongolia issues electronic certificates (seed 004 §二(三)6)
    expect((await issue('inner-mongolia', 'nm-batch-1')).certificate).toMatchObject({ number: 'HGZ-NM-20260411-nm-batch-1', electronic: true });
  });

  it('verifies by number or code, read-only; altered codes, unknown numbers and fake certificates are reported', async () => {
    const { engine, certificate } = await issue('luoyang', 'ly-batch-2');
    const before = await engine.history('ly-batch-2');
    expect(await verifyCertificate(engine, certificate.number)).toMatchObject({ status: 'valid', certificate: { region: 'luoyang', productName: '黄瓜' } });
    expect((await verifyCertificate(engine, certificate.code)).status).toBe('valid');
    // A code re-issued with another quantity but a correct checksum: the fields do not match the stored certificate
    const forged = verificationCode({ ...certificate, quantity: 5000 });
    expect((await verifyCertificate(engine, forged)).status).toBe('mismatch');
    expect((await verifyCertificate(engine, certificate.code.replace('p=', 'p=X'))).status).toBe('invalid-code');
    expect((await verifyCertificate(engine, 'HGZ-LY-20260411-nope')).status).toBe('not-found');
    expect((await verifyCertificate(engine, '')).status).toBe('not-found');
    expect(await engine.history('ly-batch-2')).toEqual(before);

    // seed 001 附件1 第6项: 冒名开具、虚假合格 → credit record
    await engine.send('ly-batch-2', { type: 'REPORT_FAKE', data: { kind: 'impersonated', note: '冒用他人名义开具' } }, { actor: actorFor('luoyang', 'inspector') });
    const fake = await verifyCertificate(engine, certificate.number);
    expect([fake.status, fake.message.zh]).toEqual(['fake', '该合格证已被认定为冒名开具或虚假合格，已记入信用档案']);
    expect(((await engine.get('ly-batch-2')).context as BatchContext).credit).toEqual({ list: 'black', kind: 'impersonated', note: '冒用他人名义开具' });
  });
});
