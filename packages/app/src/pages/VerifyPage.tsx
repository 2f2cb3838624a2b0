/**
 * The public verification page a certificate's QR code opens (`#/verify/<code>`); no sign-in needed.
 * On the server, the signature is checked on this device with the published keys (kept for offline
 * use) and the live standing is asked from the server; in the browser-only portal, the local record
 * is the register.
 */
import { toChinaDate } from '@nongan/engine';
import { createCertificateVerifier } from '@nongan/client/certificates';
import { CertificateVerification } from '@nongan/react';
import { useCallback, useMemo } from 'react';
import { usePortal, useText } from '../shell/PortalContext.js';
import { verifyUrlHere } from '../shell/verifyLink.js';
import { lookupCertificate } from './certificates.js';
import { verificationResultOf } from './serverCertificates.js';

export function VerifyPage({ code }: { code: string }) {
  const { runtime, locale } = usePortal();
  const t = useText();
  const baseUrl = runtime.server?.connection.baseUrl;
  const verifier = useMemo(() => (baseUrl !== undefined ? createCertificateVerifier({ baseUrl, storage: runtime.storage }) : null), [baseUrl, runtime]);
  const lookup = useCallback(
    async (c: string) => (verifier ? verificationResultOf(await verifier.verify(c), toChinaDate, locale) : lookupCertificate(runtime.engine, c, verifyUrlHere)),
    [runtime, verifier, locale],
  );
  return (
    <section className="portal-card" aria-labelledby="verify-title" data-testid="verify-page">
      <h1 id="verify-title">{t('verifyTitle')}</h1>
      <CertificateVerification code={code} lookup={lookup} locale={locale} />
    </section>
  );
}
