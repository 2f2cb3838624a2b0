/**
 * `<CertificateVerification code lookup>`: the public page a QR scan leads to. Anyone (role
 * `public`, read-only) sees whether the certificate is genuine and valid, revoked, or unknown (a
 * possible forgery), and can check another number. The host supplies `lookup` (e.g. a query over
 * the certificate lifecycle's cases).
 */
import { useEffect, useId, useState } from 'react';
import { CertificateCard } from './CertificateCard.js';
import { normalizeVerificationCode, VERIFICATION_STATUSES, type CertificateLookup, type VerificationResult } from './certificateModel.js';
import { useOptionalEngineContext } from './EngineProvider.js';
import { ErrorNotice } from './ErrorNotice.js';
import { pick, say, type Locale, type UiKey } from './text.js';

export interface CertificateVerificationProps {
  /** The code from the QR link (or typed); empty shows just the search field. */
  code: string;
  lookup: CertificateLookup;
  locale?: Locale;
}

type Outcome = { code: string; state: 'loading' } | { code: string; state: 'done'; result: VerificationResult } | { code: string; state: 'failed'; error: unknown };

const STATUSES = new Set<string>(VERIFICATION_STATUSES);

export function CertificateVerification({ code, lookup, locale: localeProp }: CertificateVerificationProps) {
  const context = useOptionalEngineContext();
  const locale = localeProp ?? context?.locale ?? 'zh-CN';
  if (typeof lookup !== 'function') throw new TypeError('CertificateVerification: lookup must be a function / lookup 须为函数');
  if (typeof code !== 'string') throw new TypeError('CertificateVerification: code must be a string / code 须为字符串');
  const id = useId();
  const [query, setQuery] = useState(() => normalizeVerificationCode(code));
  const [typed, setTyped] = useState(query);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  useEffect(() => {
    const next = normalizeVerificationCode(code);
    setQuery(next);
    setTyped(next);
  }, [code]);

  useEffect(() => {
    if (query === '') return setOutcome(null);
    let live = true;
    setOutcome({ code: query, state: 'loading' });
    lookup(query).then(
      (result) => {
        if (!live) return;
        if (!result || !STATUSES.has(result.status)) {
          setOutcome({ code: query, state: 'failed', error: new Error(`lookup answered ${JSON.stringify(result)}; expected status ${VERIFICATION_STATUSES.join(' / ')}`) });
        } else setOutcome({ code: query, state: 'done', result });
      },
      (error: unknown) => live && setOutcome({ code: query, state: 'failed', error }),
    );
    return () => {
      live = false;
    };
  }, [query, lookup]);

  return (
    <section className="nw nw-verification" aria-labelledby={`${id}-title`} lang={locale}>
      <h2 id={`${id}-title`}>{say('verification', locale)}</h2>
      <form
        role="search"
        aria-label={say('verification', locale)}
        onSubmit={(e) => {
          e.preventDefault();
          setQuery(normalizeVerificationCode(typed));
        }}
      >
        <label htmlFor={`${id}-code`}>{say('verifyCodeLabel', locale)}</label>{' '}
        <input id={`${id}-code`} type="search" value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" />{' '}
        <button type="submit">{say('verifyButton', locale)}</button>
      </form>
      <div aria-live="polite">
        {outcome?.state === 'loading' && <p aria-busy="true">{say('loading', locale)}</p>}
        {outcome?.state === 'failed' && (
          <>
            <p>{say('verifyError', locale)}</p>
            <ErrorNotice error={outcome.error} locale={locale} />
          </>
        )}
        {outcome?.state === 'done' && <Result result={outcome.result} code={outcome.code} locale={locale} />}
      </div>
    </section>
  );
}

const STATUS_TEXT: Record<VerificationResult['status'], UiKey> = {
  valid: 'verifyValid',
  'retention-ended': 'verifyRetentionEnded',
  superseded: 'verifySuperseded',
  'producer-suspended': 'verifyProducerSuspended',
  revoked: 'verifyRevoked',
  fake: 'verifyFake',
  'not-found': 'verifyNotFound',
  mismatch: 'verifyMismatch',
  'invalid-code': 'verifyInvalidCode',
};

function Result({ result, code, locale }: { result: VerificationResult; code: string; locale: Locale }) {
  const status = result.status;
  const good = status === 'valid' || status === 'retention-ended';
  const certificate = 'certificate' in result ? result.certificate : undefined;
  return (
    <>
      <div className={`nw-verification-result nw-verification-result--${good ? 'valid' : 'invalid'}`} data-status={status}>
        <p>
          <strong aria-hidden="true">{good ? '✔ ' : '✘ '}</strong>
          {say(STATUS_TEXT[status], locale)} <code className="nw-code">{certificate?.number ?? shortened(code)}</code>
        </p>
        {result.message && <p>{pick(result.message, locale)}</p>}
        {result.signature === 'verified' && !result.offline && <p>{say('verifySignatureChecked', locale)}</p>}
        {result.offline && (
          <p role="status" data-testid="verification-offline">
            {say('verifyOffline', locale)}
            {result.statusListOn && <> {say('verifyStatusListOn', locale).replace('{date}', result.statusListOn)}</>}
            {result.keysFetchedOn && <> {say('verifyKeysFetchedOn', locale).replace('{date}', result.keysFetchedOn)}</>}
          </p>
        )}
      </div>
      {(status === 'revoked' || status === 'fake') && (result.revokedOn || result.reason || result.revokedBy) && (
        <dl>
          {result.revokedBy && (
            <>
              <dt>{say('revokedBy', locale)}</dt>
              <dd>{result.revokedBy}</dd>
            </>
          )}
          {result.revokedOn && (
            <>
              <dt>{say('revokedOn', locale)}</dt>
              <dd>{result.revokedOn}</dd>
            </>
          )}
          {result.reason && (
            <>
              <dt>{say('revokedReason', locale)}</dt>
              <dd>{result.reason}</dd>
            </>
          )}
        </dl>
      )}
      {certificate && <CertificateCard certificate={certificate} locale={locale} printable={false} />}
    </>
  );
}

/** A scanned signed code is long: its start is enough to recognise it. */
function shortened(code: string): string {
  return code.length > 40 ? `${code.slice(0, 40)}…` : code;
}
