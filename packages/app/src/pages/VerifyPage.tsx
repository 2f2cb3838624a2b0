/** The public verification page a certificate's QR code opens (`#/verify/<code>`); no sign-in needed. */
import { CertificateVerification } from '@nongan/react';
import { useCallback } from 'react';
import { usePortal, useText } from '../shell/PortalContext.js';
import { verifyUrlHere } from '../shell/verifyLink.js';
import { lookupCertificate } from './certificates.js';

export function VerifyPage({ code }: { code: string }) {
  const { runtime, locale } = usePortal();
  const t = useText();
  const lookup = useCallback((c: string) => lookupCertificate(runtime.engine, c, verifyUrlHere), [runtime]);
  return (
    <section className="portal-card" aria-labelledby="verify-title" data-testid="verify-page">
      <h1 id="verify-title">{t('verifyTitle')}</h1>
      <CertificateVerification code={code} lookup={lookup} locale={locale} />
    </section>
  );
}
