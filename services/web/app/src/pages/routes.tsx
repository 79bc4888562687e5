import { Navigate, Route } from 'react-router-dom';
import { RequireSession } from '../components/guard';
import { useI18n } from '../i18n';
import { accountRoutes } from './account-routes';
import { PortalShell } from './portal-shell';
import { SignInPage } from './sign-in';

function PortalHome({ accountId }: { accountId: string }) {
  const { t } = useI18n();
  return (
    <PortalShell accountId={accountId}>
      <h1>{t('app.name')}</h1>
    </PortalShell>
  );
}

/** The customer portal's route tree. */
export function portalRoutes() {
  return [
    <Route key="sign-in" path="/sign-in" element={<SignInPage kind="customer" />} />,
    <Route
      key="root"
      path="/"
      element={
        <RequireSession kind="customer">{(session) => <Navigate to={`/accounts/${session.accountId}`} replace />}</RequireSession>
      }
    />,
    <Route
      key="account"
      path="/accounts/:accountId"
      element={<RequireSession kind="customer">{(session) => <PortalHome accountId={session.accountId!} />}</RequireSession>}
    />,
    ...accountRoutes(),
  ];
}
