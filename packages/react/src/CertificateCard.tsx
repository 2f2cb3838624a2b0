/**
 * `<CertificateCard certificate>`: a printable 承诺达标合格证 with the national fields, the four
 * commitments, the basis ticked, the producer's signature or seal, and a QR code (qrcode.react) that
 * carries the words 承诺达标合格证, the number, the code and the verification address. A certificate
 * missing a required field shows its problems instead of printing something invalid.
 */
import { QRCodeSVG } from 'qrcode.react';
import { useId } from 'react';
import { basisLabels, certificateQrPayload, checkCertificate, commitments, type CertificateBasis, type CertificateData } from './certificateModel.js';
import { CertificateProblems } from './CertificateProblems.js';
import { useOptionalEngineContext } from './EngineProvider.js';
import { printAlone } from './printAlone.js';
import { pick, say, type Locale } from './text.js';

export interface CertificateCardProps {
  certificate: CertificateData;
  locale?: Locale;
  /** Show the print button (default true). */
  printable?: boolean;
}

const ALL_BASES = Object.keys(basisLabels) as CertificateBasis[];

/** Prints only this certificate. */
const printCertificate = () => printAlone('nw-printing-certificate');

export function CertificateCard({ certificate, locale: localeProp, printable = true }: CertificateCardProps) {
  const context = useOptionalEngineContext();
  const locale = localeProp ?? context?.locale ?? 'zh-CN';
  const id = useId();
  const problems = checkCertificate(certificate);
  if (problems.length > 0) return <CertificateProblems problems={problems} locale={locale} action="shown" />;
  const c = certificate;
  const payload = certificateQrPayload(c);
  const en = locale === 'en';
  const signatureIsImage = c.signature?.startsWith('data:image/') === true;

  return (
    <article className="nw nw-cert" aria-labelledby={`${id}-title`} lang={locale} data-number={c.number}>
      <h2 id={`${id}-title`} lang="zh-CN">
        承诺达标合格证
        {en && <span className="nw-visually-hidden" lang="en"> ({say('certificate', 'en')})</span>}
      </h2>
      <div className="nw-cert-body">
        <dl>
          <dt>{say('certNumber', locale)}</dt>
          <dd>{c.number}</dd>
          <dt>{say('product', locale)}</dt>
          <dd>{c.productName}</dd>
          <dt>{say('quantity', locale)}</dt>
          <dd>
            {c.quantity.amount.toLocaleString(locale)} {c.quantity.unit}
          </dd>
          <dt>{say('origin', locale)}</dt>
          <dd>{c.origin}</dd>
          <dt>{say('producer', locale)}</dt>
          <dd>
            {c.producer.name}
            {c.producer.creditCode && <span className="nw-muted"> ({c.producer.creditCode})</span>}
          </dd>
          <dt>{say('contact', locale)}</dt>
          <dd>{c.producer.contact}</dd>
          <dt>{say('issuedOn', locale)}</dt>
          <dd>
            <time dateTime={c.issuedOn}>{c.issuedOn}</time>
          </dd>
        </dl>
        <figure className="nw-cert-qr">
          <QRCodeSVG value={payload} size={132} level="M" marginSize={2} title={`${say('scanToVerify', locale)}: ${c.number}`} role="img" aria-label={`${say('scanToVerify', locale)} · ${c.number}`} data-payload={payload} />
          <figcaption>
            {say('scanToVerify', locale)}
            {c.verificationCode && (
              <>
                <br />
                {say('verificationCode', locale)}: <code>{c.verificationCode}</code>
              </>
            )}
          </figcaption>
        </figure>
      </div>
      <section className="nw-cert-commit" aria-labelledby={`${id}-commit`}>
        <h3 id={`${id}-commit`}>{say('commitment', locale)}</h3>
        <ul>
          {commitments.map((text, i) => (
            <li key={i}>{pick(text, locale)}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby={`${id}-basis`}>
        <h3 id={`${id}-basis`}>{say('basis', locale)}</h3>
        <ul className="nw-cert-basis">
          {ALL_BASES.map((basis) => {
            const ticked = c.basis.includes(basis);
            return (
              <li key={basis} data-ticked={ticked}>
                <span aria-hidden="true">{ticked ? '☑' : '☐'} </span>
                <span className={ticked ? undefined : 'nw-muted'}>
                  {pick(basisLabels[basis], locale)}
                  <span className="nw-visually-hidden">{ticked ? (en ? ' (applies)' : '（适用）') : en ? ' (does not apply)' : '（不适用）'}</span>
                </span>
              </li>
            );
          })}
        </ul>
      </section>
      <p className="nw-cert-signature">
        {say('signature', locale)}:{' '}
        {!c.signature ? (
          <span className="nw-sign-line">
            <span className="nw-visually-hidden">{say('signHere', locale)}</span>
          </span>
        ) : signatureIsImage ? (
          <img src={c.signature} alt={`${say('signature', locale)}: ${c.producer.name}`} />
        ) : (
          <span>{c.signature}</span>
        )}
      </p>
      {c.traceCode && (
        <p className="nw-muted">
          {en ? 'Producer traceability code' : '主体追溯码'}: <code>{c.traceCode}</code>
        </p>
      )}
      {printable && (
        <button type="button" className="nw-no-print" onClick={printCertificate}>
          {say('print', locale)}
        </button>
      )}
    </article>
  );
}
