/**
 * The certificate in Chromium: the QR code drawn by qrcode.react is read back with an independent
 * decoder (jsQR) and must carry the payload (承诺达标合格证, number, code, verification address);
 * the public verification view answers valid / revoked / not found; no axe-core violations.
 */
import { cdp, userEvent } from 'vitest/browser';
import { afterEach, describe, expect, it } from 'vitest';
import { CertificateCard } from '../src/CertificateCard.js';
import { certificateQrPayload } from '../src/certificateModel.js';
import { CertificateVerification } from '../src/CertificateVerification.js';
import { muttonCertificate, registerLookup, sampleCertificate } from './fixtures/certificates.js';
import { axeViolations, mount, text, unmount, until } from './render.js';
import { decodeQr } from './decodeQr.js';

afterEach(() => unmount());

describe('CertificateCard', () => {
  it('shows the national fields and a QR code that decodes to the payload', async () => {
    const host = mount(<CertificateCard certificate={sampleCertificate} />);
    const card = host.querySelector('article.nw-cert')!;
    expect(text(card.querySelector('h2'))).toBe('承诺达标合格证');
    for (const value of ['KZ-2026-000123', '青菜头（榨菜原料）', '1,200 千克', '重庆市开州区渠口镇铺溪村', '开州区渠口镇绿源蔬菜专业合作社', '138 2345 6789', '2026-03-02', '张绿源', '不使用禁用农药兽药、停用兽药和非法添加物']) {
      expect(text(card)).toContain(value);
    }
    const ticked = [...card.querySelectorAll('.nw-cert-basis li')].map((li) => [li.textContent?.replace(/[☑☐]\s?/, ''), li.getAttribute('data-ticked')]);
    expect(ticked).toEqual([
      ['质量安全控制符合要求（适用）', 'true'],
      ['自行检测合格（适用）', 'true'],
      ['委托检测合格（不适用）', 'false'],
    ]);
    const decoded = await decodeQr(card.querySelector('svg')!);
    expect(decoded).toBe(certificateQrPayload(sampleCertificate));
    expect(decoded).toContain('承诺达标合格证');
    expect(decoded).toContain('https://nongan.example.cn/verify/7Q4M-K2XP');
    expect(await axeViolations(host)).toEqual([]);
  });

  it('prints only the certificate (print CSS) and refuses an incomplete certificate with its problems', async () => {
    const host = mount(
      <div>
        <p id="other">页面其他内容</p>
        <CertificateCard certificate={muttonCertificate} locale="en" />
      </div>,
    );
    // Print as the print button does (body class), with Chromium emulating print media over CDP.
    const session = cdp();
    document.body.classList.add('nw-printing-certificate');
    await session.send('Emulation.setEmulatedMedia', { media: 'print' });
    try {
      expect(getComputedStyle(host.querySelector('#other')!).visibility).toBe('hidden');
      expect(getComputedStyle(host.querySelector('.nw-cert dd')!).visibility).toBe('visible');
      expect(getComputedStyle(host.querySelector('.nw-cert button')!).display).toBe('none');
    } finally {
      await session.send('Emulation.setEmulatedMedia', { media: '' });
      document.body.classList.remove('nw-printing-certificate');
    }
    expect(getComputedStyle(host.querySelector('.nw-cert button')!).display).not.toBe('none');
    expect(text(host)).toContain('Commissioned test: compliant');
    expect(text(host)).toContain('NM-P-150824-00871');
    expect(await axeViolations(host)).toEqual([]);

    const unsigned = mount(<CertificateCard certificate={{ ...sampleCertificate, signature: undefined }} />);
    expect(text(unsigned.querySelector('.nw-sign-line'))).toBe('（待签名）');

    const broken = mount(<CertificateCard certificate={{ ...sampleCertificate, producer: { name: '', contact: '' } }} />);
    expect(text(broken.querySelector('[role=alert]'))).toContain('缺少生产者名称');
    expect(broken.querySelector('svg')).toBeNull();
  });
});

describe('CertificateVerification', () => {
  it('answers valid, revoked and not found, and verifies another typed code', async () => {
    const host = mount(<CertificateVerification code="7Q4M-K2XP" lookup={registerLookup} />);
    const valid = await until(() => host.querySelector('[data-status]'), 'valid result');
    expect(valid.getAttribute('data-status')).toBe('valid');
    expect(text(valid)).toContain('核验通过');
    expect(host.querySelector('article.nw-cert')).not.toBeNull();
    expect(await axeViolations(host)).toEqual([]);

    const input = host.querySelector<HTMLInputElement>('input[type=search]')!;
    await userEvent.clear(input);
    await userEvent.type(input, 'FAKE-0001{Enter}');
    await until(() => host.querySelector('[data-status="not-found"]'), 'not found');
    expect(text(host)).toContain('可能为伪造证书');
    expect(host.querySelector('article.nw-cert')).toBeNull();

    const revoked = mount(<CertificateVerification code={certificateQrPayload(muttonCertificate)} lookup={registerLookup} locale="en" />);
    await until(() => revoked.querySelector('[data-status="revoked"]'), 'revoked');
    expect(text(revoked)).toContain('This certificate has been revoked');
    expect(text(revoked)).toContain('2026-03-05');
    expect(await axeViolations(revoked)).toEqual([]);

    const fake = mount(<CertificateVerification code="HGZ-KZ-20260301-q9" lookup={registerLookup} />);
    await until(() => fake.querySelector('[data-status="fake"]'), 'fake');
    expect(text(fake)).toContain('冒名开具或虚假合格');
    expect(text(fake)).toContain('开州区农业综合执法支队');
    expect(await axeViolations(fake)).toEqual([]);

    const failing = mount(<CertificateVerification code="X" lookup={() => Promise.reject(new Error('network down'))} />);
    await until(() => text(failing).includes('network down'), 'lookup failure');
    expect(text(failing)).toContain('核验服务暂不可用');
  });

  it('says how a signed certificate was checked: on the device, offline, superseded, revoked by whom', async () => {
    const offline = mount(<CertificateVerification code="signed-1" lookup={async () => ({ status: 'valid', certificate: sampleCertificate, signature: 'verified', offline: true, keysFetchedOn: '2026-12-01' })} />);
    const note = await until(() => offline.querySelector('[data-testid=verification-offline]'), 'offline note');
    expect(text(note)).toContain('当前离线');
    expect(text(note)).toContain('公钥更新于 2026-12-01');
    expect(text(offline)).not.toContain('已在本机用签发机构公钥核验签名。当前');
    expect(await axeViolations(offline)).toEqual([]);

    const online = mount(<CertificateVerification code="signed-2" lookup={async () => ({ status: 'valid', certificate: sampleCertificate, signature: 'verified' })} />);
    await until(() => online.querySelector('[data-status="valid"]'), 'valid');
    expect(text(online)).toContain('已在本机用签发机构公钥核验签名');
    expect(online.querySelector('[data-testid=verification-offline]')).toBeNull();
    // The result names the certificate by its number, not by the long signed code.
    expect(text(online.querySelector('[data-status]')!)).toContain(sampleCertificate.number);

    const superseded = mount(<CertificateVerification code={'x'.repeat(300)} lookup={async () => ({ status: 'superseded', signature: 'refused' })} />);
    await until(() => superseded.querySelector('[data-status="superseded"]'), 'superseded');
    expect(text(superseded)).toContain('已重新签发');
    expect(text(superseded)).not.toContain('x'.repeat(41));

    const revoked = mount(<CertificateVerification code="signed-3" lookup={async () => ({ status: 'revoked', certificate: sampleCertificate, revokedOn: '2026-12-07', reason: '产品标签与实物不符', revokedBy: '开州区农业农村委（王监管）' })} />);
    await until(() => revoked.querySelector('[data-status="revoked"]'), 'revoked');
    expect(text(revoked)).toContain('撤销机关');
    expect(text(revoked)).toContain('开州区农业农村委（王监管）');
    expect(text(revoked)).toContain('产品标签与实物不符');

    const suspended = mount(<CertificateVerification code="signed-4" lookup={async () => ({ status: 'producer-suspended', certificate: sampleCertificate, message: { zh: '开具主体的达标资格已暂停', en: 'suspended' } })} />);
    await until(() => suspended.querySelector('[data-status="producer-suspended"]'), 'producer suspended');
    expect(text(suspended)).toContain('开具主体的达标资格已暂停');
    expect(suspended.querySelector('.nw-verification-result--invalid')).not.toBeNull();
  });
});
