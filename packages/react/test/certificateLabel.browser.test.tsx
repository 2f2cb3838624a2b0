/**
 * Certificates at volume in Chromium: label-printer sizes (60×40 mm, 100×70 mm) keep the national
 * fields inside the label and a QR code that an independent decoder (jsQR) reads back with a full
 * signed verification address; a sheet lays out one certificate per page or label.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CertificateLabel, LABEL_SIZES, type LabelSize } from '../src/CertificateLabel.js';
import { CertificateSheet } from '../src/CertificateSheet.js';
import type { CertificateData } from '../src/certificateModel.js';
import { sampleCertificate } from './fixtures/certificates.js';
import { axeViolations, mount, text, unmount } from './render.js';
import { decodeQr } from './decodeQr.js';

afterEach(() => unmount());

// As long as a real server-signed address (≈ 730 bytes: the signed token of every national field).
const signedAddress = `https://nongan.kaizhou.gov.cn/#/verify/承诺达标合格证/${'eyJhIjoia2FpemhvdSIsImIiOiJzZWxmLXRlc3RlZCIs'.repeat(13)}.${'Q'.repeat(86)}`;
const signed: CertificateData = { ...sampleCertificate, verificationCode: undefined, verifyUrl: signedAddress, qrPayload: signedAddress } as CertificateData;

const MM = 96 / 25.4;

describe('CertificateLabel', () => {
  it.each(['60x40', '100x70'] as LabelSize[])('%s mm: the label\'s size, every field inside it, a readable QR code', async (size) => {
    const host = mount(<CertificateLabel certificate={signed} size={size} />);
    const label = host.querySelector<HTMLElement>('article.nw-cert-label')!;
    const box = label.getBoundingClientRect();
    expect(Math.round(box.width / MM)).toBe(LABEL_SIZES[size].widthMm);
    expect(Math.round(box.height / MM)).toBe(LABEL_SIZES[size].heightMm);
    // Nothing cut off: the text fits the label's height.
    const textBox = label.querySelector<HTMLElement>('.nw-cert-label-text')!;
    expect(textBox.scrollHeight).toBeLessThanOrEqual(label.clientHeight);
    for (const field of [signed.number, signed.productName, signed.origin, signed.producer.name, signed.producer.contact, signed.issuedOn]) expect(text(label)).toContain(field);
    expect(text(label)).toContain('承诺达标合格证');
    expect(text(label)).toContain('自行检测合格');
    const svg = label.querySelector('svg')!;
    expect(await decodeQr(svg, 1024)).toBe(signedAddress);
    // A phone camera needs modules of about 0.3 mm: the QR's printed width over its module count.
    const modules = svg.viewBox.baseVal.width;
    expect(LABEL_SIZES[size].qrMm / modules).toBeGreaterThanOrEqual(0.28);
    expect(await axeViolations(host)).toEqual([]);
  });

  it('refuses to print an incomplete certificate, saying what is missing', () => {
    const host = mount(<CertificateLabel certificate={{ ...signed, productName: '' }} size="60x40" />);
    expect(host.querySelector('[role=alert]')).not.toBeNull();
    expect(host.querySelector('svg')).toBeNull();
  });
});

describe('CertificateSheet', () => {
  it('puts each certificate on its own page or label, and prints them all with one button', () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ ...signed, number: `HGZ-KZ-20261207-${String(i + 1).padStart(4, '0')}` }));
    const host = mount(<CertificateSheet certificates={many} size="60x40" />);
    expect(host.querySelectorAll('.nw-sheet-page article.nw-cert-label')).toHaveLength(12);
    expect(host.querySelector('button')!.textContent).toBe('打印全部 12 张合格证');
    const a4 = mount(<CertificateSheet certificates={many.slice(0, 3)} size="a4" locale="en" />);
    expect(a4.querySelectorAll('.nw-sheet-page article.nw-cert')).toHaveLength(3);
  });
});
