import { ReactNode } from 'react';
import { NavItem, Shell } from '../components/layout';
import { useI18n } from '../i18n';
import { accountNavItems } from './account-routes';

/** The customer portal's frame: the account's pages in the navigation. */
export function PortalShell({ accountId, children }: { accountId: string; children: ReactNode }) {
  const { t } = useI18n();
  const base = `/accounts/${accountId}`;
  const nav: NavItem[] = [
    { to: base, label: t('nav.home'), end: true },
    { to: `${base}/subscription`, label: t('nav.subscription') },
    { to: `${base}/payment`, label: t('nav.payment') },
    { to: `${base}/billing`, label: t('nav.billing') },
    { to: `${base}/invoices`, label: t('nav.invoices') },
    ...accountNavItems(t, accountId),
  ];
  return (
    <Shell title={t('app.name')} nav={nav}>
      {children}
    </Shell>
  );
}
