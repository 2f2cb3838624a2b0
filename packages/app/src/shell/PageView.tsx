/** The page of a route. Pages that act need a signed-in actor; verification and backup do not. */
import { AdminPage } from '../admin/AdminPage.js';
import { SetPasswordPage } from '../admin/SetPasswordPage.js';
import { BackupPage } from '../backup/BackupPage.js';
import { CasePage } from '../pages/CasePage.js';
import { CasesPage } from '../pages/CasesPage.js';
import { CertificatesPage } from '../pages/CertificatesPage.js';
import { FarmPage } from '../pages/FarmPage.js';
import { HomePage } from '../pages/HomePage.js';
import { InboxPage } from '../pages/InboxPage.js';
import { VerifyPage } from '../pages/VerifyPage.js';
import { lazy, Suspense } from 'react';
import { usePortal, useText } from './PortalContext.js';
import type { Route } from './routes.js';
import { SignIn } from './SignIn.js';

// Charts and the designer are loaded when first opened: the rest of the portal does not wait for them.
const DashboardPage = lazy(async () => ({ default: (await import('../dashboard/DashboardPage.js')).DashboardPage }));
const DesignerPage = lazy(async () => ({ default: (await import('../pages/DesignerPage.js')).DesignerPage }));

export function PageView({ route }: { route: Route }) {
  const t = useText();
  return (
    <Suspense fallback={<p aria-busy="true">{t('loading')}</p>}>
      <Page route={route} />
    </Suspense>
  );
}

function Page({ route }: { route: Route }) {
  const { actor } = usePortal();
  const t = useText();
  switch (route.page) {
    case 'home':
      return <HomePage />;
    case 'verify':
      return <VerifyPage code={route.code} />;
    case 'backup':
      return <BackupPage />;
    case 'set-password':
      return <SetPasswordPage token={route.token} />;
    case 'dashboard':
      return <DashboardPage region={route.region} />;
    case 'farm':
      return <FarmPage />;
    case 'certificates':
      return <CertificatesPage />;
    case 'not-found':
      return (
        <section className="portal-card">
          <h1>{t('notFound')}</h1>
          <p>
            <code>#{route.path}</code>
          </p>
        </section>
      );
    default:
      break;
  }
  if (!actor) {
    return (
      <>
        <p role="alert">{t('needSignIn')}</p>
        <SignIn />
      </>
    );
  }
  switch (route.page) {
    case 'inbox':
      return <InboxPage />;
    case 'cases':
      return <CasesPage />;
    case 'case':
      return <CasePage instanceId={route.instanceId} />;
    case 'designer':
      return <DesignerPage />;
    case 'admin':
      return <AdminPage />;
  }
}
