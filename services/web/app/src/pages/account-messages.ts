import { defineMessages } from '../i18n/define';

/** Texts of the portal's account pages: users and invitations, e-Factura, webhooks, closing the account. */
export const accountMessages = defineMessages(
  {
    'nav.team': 'Users',
  },
  {
    'nav.team': 'Utilisateurs',
  },
  {
    'nav.team': 'Utilizatori',
  },
);
