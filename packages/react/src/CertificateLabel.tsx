/**
 * `<CertificateLabel certificate size>`: the 承诺达标合格证 on a label-printer label (60×40 mm or
 * 100×70 mm, the common sizes of certificate printers): the same national fields as the A4 card,
 * condensed, with the QR code large enough for a phone camera (error correction L at 60×40 mm so
 * the modules stay about 0.3 mm). Incomplete certificates show their problems, as the card does.
 */
import { QRCodeSVG } from 'qrcode.react';
import { basisLabels, certificateQrPayload, checkCertificate, commitments, type CertificateData } from './certificateModel.js';
import { CertificateProblems } from './CertificateProblems.js';
import { pick, say, type Locale } from './text.js';

export type LabelSize = '60x40' | '100x70';

export const LABEL_SIZES: Record<LabelSize, { widthMm: number; heightMm: number; qrMm: number; level: 'L' | 'M' }> = {
  '60x40': { widthMm: 60, heightMm: 40, qrMm: 29, level: 'L' },
  '100x70': { widthMm: 100, heightMm: 70, qrMm: 40, level: 'M' },
};

export interface CertificateLabelProps {
  certificate: CertificateData;
  size: LabelSize;
  locale?: Locale;
}

export function CertificateLabel({ certificate: c, size, locale = 'zh-CN' }: CertificateLabelProps) {
  const problems = checkCertificate(c);
  if (problems.length > 0) return <CertificateProblems problems={problems} locale={locale} action="printed" />;
  const { qrMm, level } = LABEL_SIZES[size];
  const payload = certificateQrPayload(c);
  const large = size === '100x70';
  return (
    <article className={`nw nw-cert-label nw-cert-label--${size}`} lang={locale} data-number={c.number} aria-label={`承诺达标合格证 ${c.number}`}>
      <QRCodeSVG value={payload} size={256} level={level} marginSize={1} style={{ width: `${qrMm}mm`, height: `${qrMm}mm` }} role="img" aria-label={`${say('scanToVerify', locale)} · ${c.number}`} data-payload={payload} />
      <div className="nw-cert-label-text">
        <h2 lang="zh-CN">承诺达标合格证</h2>
        <p>
          <b>{say('certNumber', locale)}</b> {c.number}
        </p>
        <p>
          <b>{say('product', locale)}</b> {c.productName} · {c.quantity.amount.toLocaleString(locale)} {c.quantity.unit}
        </p>
        <p>
          <b>{say('origin', locale)}</b> {c.origin}
        </p>
        <p>
          <b>{say('producer', locale)}</b> {c.producer.name}
          {large && c.producer.creditCode && <> ({c.producer.creditCode})</>}
        </p>
        <p>
          <b>{say('contact', locale)}</b> {c.producer.contact} · <time dateTime={c.issuedOn}>{c.issuedOn}</time>
        </p>
        <p className="nw-cert-label-commit">
          {say('commitment', locale)}
          {commitments.map((text) => pick(text, locale)).join('；')}
        </p>
        <p className="nw-cert-label-commit">
          {say('basis', locale)}：{c.basis.map((b) => pick(basisLabels[b], locale)).join('、')}
          {large && (
            <>
              {' '}
              · {say('signature', locale)}：{c.signature && !c.signature.startsWith('data:') ? c.signature : <span className="nw-sign-line" />}
            </>
          )}
        </p>
      </div>
    </article>
  );
}
