import { accountMessages } from '../pages/account-messages';
import { portalMessages } from '../pages/messages';
import { staffMessages } from '../staff/messages';
import { defineMessages } from './define';

/** Texts shared by the portal and the console. */
export const commonMessages = defineMessages(
  {
    'app.name': 'Obolus',
    'app.skipToContent': 'Skip to content',
    'app.language': 'Language',
    'app.signOut': 'Sign out',
    'app.loading': 'Loading…',
    'app.save': 'Save',
    'app.cancel': 'Cancel',
    'app.confirm': 'Confirm',
    'app.saved': 'Saved.',
    'app.error': 'Something went wrong: {message}',
    'app.mainNavigation': 'Main navigation',
    'app.menu': 'Menu',
    'notFound.title': 'Page not found',
    'notFound.body': 'This page does not exist, or it is not yours to see.',
    'notFound.home': 'Back to the portal',
  },
  {
    'app.name': 'Obolus',
    'app.skipToContent': 'Aller au contenu',
    'app.language': 'Langue',
    'app.signOut': 'Se déconnecter',
    'app.loading': 'Chargement…',
    'app.save': 'Enregistrer',
    'app.cancel': 'Annuler',
    'app.confirm': 'Confirmer',
    'app.saved': 'Enregistré.',
    'app.error': 'Une erreur est survenue : {message}',
    'app.mainNavigation': 'Navigation principale',
    'app.menu': 'Menu',
    'notFound.title': 'Page introuvable',
    'notFound.body': "Cette page n'existe pas, ou elle ne vous est pas accessible.",
    'notFound.home': 'Retour au portail',
  },
  {
    'app.name': 'Obolus',
    'app.skipToContent': 'Sari la conținut',
    'app.language': 'Limba',
    'app.signOut': 'Deconectare',
    'app.loading': 'Se încarcă…',
    'app.save': 'Salvează',
    'app.cancel': 'Renunță',
    'app.confirm': 'Confirmă',
    'app.saved': 'Salvat.',
    'app.error': 'A apărut o eroare: {message}',
    'app.mainNavigation': 'Navigare principală',
    'app.menu': 'Meniu',
    'notFound.title': 'Pagina nu a fost găsită',
    'notFound.body': 'Această pagină nu există sau nu aveți acces la ea.',
    'notFound.home': 'Înapoi la portal',
  },
);

export const en = { ...commonMessages.en, ...portalMessages.en, ...accountMessages.en, ...staffMessages.en };
export const fr = { ...commonMessages.fr, ...portalMessages.fr, ...accountMessages.fr, ...staffMessages.fr };
export const ro = { ...commonMessages.ro, ...portalMessages.ro, ...accountMessages.ro, ...staffMessages.ro };

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
