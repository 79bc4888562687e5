import { ReactNode } from 'react';
import { NavItem, Shell } from '../components/layout';
import { useI18n } from '../i18n';
import { accountNavItems } from './account-routes';

/** The customer portal's frame: the account's pages in the navigation. */
export function PortalShell({ accountId, children }: { accountId: string; children: ReactNode }) {
  const { t } = useI18n();
  const nav: NavItem[] = [{ to: `/accounts/${accountId}`, label: t('app.name'), end: true }, ...accountNavItems(t, accountId)];
  return (
    <Shell title={t('app.name')} nav={nav}>
      {children}
    </Shell>
  );
}
