import { defineMessages } from '../i18n/define';

/** The customer portal's texts. */
export const portalMessages = defineMessages(
  {
    'signIn.title': 'Sign in',
    'signIn.email': 'E-mail',
    'signIn.password': 'Password',
    'signIn.submit': 'Sign in',
  },
  {
    'signIn.title': 'Connexion',
    'signIn.email': 'E-mail',
    'signIn.password': 'Mot de passe',
    'signIn.submit': 'Se connecter',
  },
  {
    'signIn.title': 'Autentificare',
    'signIn.email': 'E-mail',
    'signIn.password': 'Parolă',
    'signIn.submit': 'Autentificare',
  },
);
