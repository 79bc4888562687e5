import { ReactNode } from 'react';
import { Route, useParams } from 'react-router-dom';
import { RequireSession } from '../components/guard';
import { NavItem } from '../components/layout';
import { MessageKey } from '../i18n/messages';
import { Session } from '../session';
import { AcceptInvitationPage } from './account/accept-invitation';
import { ClosePage, GoodbyePage } from './account/close';
import { EfacturaPage } from './account/efactura';
import { TeamPage } from './account/team';
import { WebhooksPage } from './account/webhooks';
import { PortalShell } from './portal-shell';

/** The account pages' entries in the portal navigation (the portal shell lists them after its own). */
export function accountNavItems(t: (key: MessageKey) => string, accountId: string): NavItem[] {
  const base = `/accounts/${accountId}`;
  return [
    { to: `${base}/team`, label: t('nav.team') },
    { to: `${base}/efactura`, label: t('nav.efactura') },
    { to: `${base}/webhooks`, label: t('nav.webhooks') },
    { to: `${base}/close`, label: t('nav.close') },
  ];
}

/** The portal frame of the account the URL names (its pages call the services with that id, never the session's). */
function AccountFrame({ children }: { children: ReactNode }) {
  const { accountId = '' } = useParams<{ accountId: string }>();
  return <PortalShell accountId={accountId}>{children}</PortalShell>;
}

function accountPage(path: string, page: (session: Session) => ReactNode) {
  return (
    <Route
      key={`account-${path}`}
      path={`/accounts/:accountId/${path}`}
      element={
        <RequireSession kind="customer">
          {(session) => (
            <AccountFrame>
              <div className="account-page">{page(session)}</div>
            </AccountFrame>
          )}
        </RequireSession>
      }
    />
  );
}

/** The account pages' routes, under /accounts/:accountId/…, each behind the customer session guard; and their public pages. */
export function accountRoutes() {
  return [
    accountPage('team', (session) => <TeamPage session={session} />),
    accountPage('efactura', (session) => <EfacturaPage session={session} />),
    accountPage('webhooks', (session) => <WebhooksPage session={session} />),
    accountPage('close', (session) => <ClosePage session={session} />),
    // The link of the invitation e-mail, as identity writes it: /accept-invitation?token=…
    <Route key="accept-invitation" path="/accept-invitation" element={<AcceptInvitationPage />} />,
    <Route key="goodbye" path="/goodbye" element={<GoodbyePage />} />,
  ];
}
