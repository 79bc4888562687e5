import { Route } from 'react-router-dom';
import { NavItem } from '../components/layout';
import { MessageKey } from '../i18n/messages';

/** The account pages' entries in the portal navigation (the portal shell lists them after its own). */
export function accountNavItems(t: (key: MessageKey) => string, accountId: string): NavItem[] {
  return [{ to: `/accounts/${accountId}/team`, label: t('nav.team') }];
}

/** The account pages' routes, under /accounts/:accountId/…, each behind the customer session guard. */
export function accountRoutes() {
  return [] as ReturnType<typeof Route>[];
}
