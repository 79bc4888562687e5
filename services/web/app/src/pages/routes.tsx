import { ReactNode } from 'react';
import { Navigate, Route } from 'react-router-dom';
import { RequireSession } from '../components/guard';
import { accountRoutes } from './account-routes';
import { BillingPage } from './billing';
import { HomePage } from './home';
import { InvoicesPage } from './invoices';
import { PasswordResetConfirmPage, PasswordResetRequestPage } from './password-reset';
import { PaymentPage } from './payment';
import { PortalShell } from './portal-shell';
import { useAccountId } from './portal-api';
import { SignInPage } from './sign-in';
import { SignUpPage } from './sign-up';
import { SubscriptionPage } from './subscription';

/** An account page: behind the customer session, in the portal frame of the account its URL names. */
function AccountPage({ children }: { children: ReactNode }) {
  return <RequireSession kind="customer">{() => <AccountFrame>{children}</AccountFrame>}</RequireSession>;
}

function AccountFrame({ children }: { children: ReactNode }) {
  const accountId = useAccountId();
  return <PortalShell accountId={accountId}>{children}</PortalShell>;
}

/** The customer portal's route tree. */
export function portalRoutes() {
  return [
    <Route key="sign-in" path="/sign-in" element={<SignInPage kind="customer" />} />,
    <Route key="sign-up" path="/sign-up" element={<SignUpPage />} />,
    <Route key="forgot" path="/forgot-password" element={<PasswordResetRequestPage />} />,
    // The link of the reset e-mail: /reset-password?token=…
    <Route key="reset" path="/reset-password" element={<PasswordResetConfirmPage />} />,
    <Route
      key="root"
      path="/"
      element={
        <RequireSession kind="customer">{(session) => <Navigate to={`/accounts/${session.accountId}`} replace />}</RequireSession>
      }
    />,
    <Route
      key="home"
      path="/accounts/:accountId"
      element={
        <AccountPage>
          <HomePage />
        </AccountPage>
      }
    />,
    <Route
      key="subscription"
      path="/accounts/:accountId/subscription"
      element={
        <AccountPage>
          <SubscriptionPage />
        </AccountPage>
      }
    />,
    <Route
      key="payment"
      path="/accounts/:accountId/payment"
      element={
        <AccountPage>
          <PaymentPage />
        </AccountPage>
      }
    />,
    <Route
      key="billing"
      path="/accounts/:accountId/billing"
      element={
        <AccountPage>
          <BillingPage />
        </AccountPage>
      }
    />,
    <Route
      key="invoices"
      path="/accounts/:accountId/invoices"
      element={
        <AccountPage>
          <InvoicesPage />
        </AccountPage>
      }
    />,
    ...accountRoutes(),
  ];
}
