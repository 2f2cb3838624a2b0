/** The certificate's checks and QR payload (national fields, DOMAIN.md "Facts from outside the seeds"). */
import { describe, expect, it } from 'vitest';
import { certificateQrPayload, checkCertificate, normalizeVerificationCode, type CertificateData } from '../src/certificateModel.js';
import { sampleCertificate } from './fixtures/certificates.js';

describe('certificate', () => {
  it('accepts a complete certificate and carries 承诺达标合格证 in the QR payload', () => {
    expect(checkCertificate(sampleCertificate)).toEqual([]);
    expect(certificateQrPayload(sampleCertificate)).toBe(
      '承诺达标合格证\n编号:KZ-2026-000123\n核验码:7Q4M-K2XP\nhttps://nongan.example.cn/verify/7Q4M-K2XP',
    );
  });

  it('lists every missing national field, in Chinese and English', () => {
    const broken = { ...sampleCertificate, productName: ' ', quantity: { amount: 0, unit: '' }, producer: { name: '', contact: '' }, basis: ['guess'], issuedOn: '2026/03/02', verifyUrl: 'javascript:alert(1)' } as unknown as CertificateData;
    const problems = checkCertificate(broken);
    expect(problems.map((p) => p.path)).toEqual(['/productName', '/quantity', '/producer/name', '/producer/contact', '/issuedOn', '/basis', '/verifyUrl']);
    expect(problems[0]!.messageZh).toBe('缺少产品名称');
    expect(checkCertificate(null)).toHaveLength(1);
  });

  it('encodes the lifecycle\'s own code when given, which must carry 承诺达标合格证; signature and code are optional', () => {
    const own = { ...sampleCertificate, qrPayload: '承诺达标合格证|v1|no=HGZ-KZ-20260302-q1|c=0badc0de' };
    expect(certificateQrPayload(own)).toBe(own.qrPayload);
    expect(checkCertificate({ ...own, qrPayload: 'https://example.cn/x' }).map((p) => p.path)).toEqual(['/qrPayload']);
    const { signature: _s, verificationCode: _v, verifyUrl: _u, ...bare } = sampleCertificate;
    expect(checkCertificate(bare)).toEqual([]);
    expect(certificateQrPayload(bare)).toBe('承诺达标合格证\n编号:KZ-2026-000123');
  });

  it('takes the code out of a pasted QR payload', () => {
    expect(normalizeVerificationCode(certificateQrPayload(sampleCertificate))).toBe('7Q4M-K2XP');
    expect(normalizeVerificationCode('  KZ-1 ')).toBe('KZ-1');
  });
});
