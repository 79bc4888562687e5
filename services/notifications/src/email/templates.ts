import {
  AccountCreatedV1Data,
  InvoiceIssuedV1Data,
  Locale,
  PasswordResetRequestedV1Data,
  UserInvitedV1Data,
} from '@obolus/contracts';
import { money, moneyToDecimal } from '@obolus/money';

/** The data each template renders: the data of the event that causes the e-mail. */
export interface TemplateData {
  welcome: AccountCreatedV1Data;
  'invoice-issued': InvoiceIssuedV1Data;
  'password-reset': PasswordResetRequestedV1Data;
  'user-invited': UserInvitedV1Data;
}

export type TemplateName = keyof TemplateData;

export const TEMPLATE_NAMES: readonly TemplateName[] = ['welcome', 'invoice-issued', 'password-reset', 'user-invited'];

export function isTemplateName(name: unknown): name is TemplateName {
  return TEMPLATE_NAMES.includes(name as TemplateName);
}

export interface RenderedEmail {
  subject: string;
  text: string;
}

/** The text in the data's language; undefined for a language without one (own keys only). */
const inLocale = (locale: Locale, texts: Record<Locale, RenderedEmail>): RenderedEmail | undefined =>
  Object.hasOwn(texts, locale) ? texts[locale] : undefined;

const total = (invoice: InvoiceIssuedV1Data): string =>
  `${moneyToDecimal(money(invoice.totals.grossMinor, invoice.currency))} ${invoice.currency}`;

/** Every e-mail Obolus sends, in each language (I5). Plain text: it reads everywhere, phones included. */
export const templates: { [T in TemplateName]: (data: TemplateData[T]) => RenderedEmail | undefined } = {
  welcome: (data: AccountCreatedV1Data): RenderedEmail | undefined =>
    inLocale(data.locale, {
      fr: {
        subject: `Bienvenue, ${data.companyName}`,
        text: `Votre compte ${data.companyName} est prêt. Votre période d'essai commence aujourd'hui.`,
      },
      ro: {
        subject: `Bun venit, ${data.companyName}`,
        text: `Contul ${data.companyName} este gata. Perioada de probă începe astăzi.`,
      },
      en: {
        subject: `Welcome, ${data.companyName}`,
        text: `Your ${data.companyName} account is ready. Your trial starts today.`,
      },
    }),

  'invoice-issued': (data: InvoiceIssuedV1Data): RenderedEmail | undefined =>
    inLocale(data.locale, {
      fr: {
        subject: `Facture ${data.number}`,
        text: `Bonjour,\n\nVeuillez trouver ci-joint la facture ${data.number} du ${data.issueDate}, d'un montant de ${total(data)}, déjà réglée.\n\n${data.seller.legalName}`,
      },
      ro: {
        subject: `Factura ${data.number}`,
        text: `Bună ziua,\n\nVă transmitem atașat factura ${data.number} din ${data.issueDate}, în valoare de ${total(data)}, deja achitată.\n\n${data.seller.legalName}`,
      },
      en: {
        subject: `Invoice ${data.number}`,
        text: `Hello,\n\nPlease find attached invoice ${data.number} of ${data.issueDate} for ${total(data)}, already paid.\n\n${data.seller.legalName}`,
      },
    }),

  'password-reset': (data: PasswordResetRequestedV1Data): RenderedEmail | undefined =>
    inLocale(data.locale, {
      fr: {
        subject: 'Réinitialisation de votre mot de passe',
        text: `Pour choisir un nouveau mot de passe, ouvrez ce lien (valable une heure) :\n${data.resetUrl}\n\nSi vous n'avez rien demandé, ignorez ce message.`,
      },
      ro: {
        subject: 'Resetarea parolei',
        text: `Pentru a alege o parolă nouă, deschideți acest link (valabil o oră):\n${data.resetUrl}\n\nDacă nu ați cerut resetarea, ignorați acest mesaj.`,
      },
      en: {
        subject: 'Reset your password',
        text: `To choose a new password, open this link (valid for one hour):\n${data.resetUrl}\n\nIf you did not ask for this, ignore this message.`,
      },
    }),

  'user-invited': (data: UserInvitedV1Data): RenderedEmail | undefined =>
    inLocale(data.locale, {
      fr: {
        subject: `Invitation à rejoindre ${data.companyName}`,
        text: `Vous êtes invité à rejoindre ${data.companyName}. Acceptez l'invitation (valable 7 jours) :\n${data.acceptUrl}`,
      },
      ro: {
        subject: `Invitație în contul ${data.companyName}`,
        text: `Ați fost invitat în contul ${data.companyName}. Acceptați invitația (valabilă 7 zile):\n${data.acceptUrl}`,
      },
      en: {
        subject: `Join ${data.companyName}`,
        text: `You are invited to join ${data.companyName}. Accept the invitation (valid for 7 days):\n${data.acceptUrl}`,
      },
    }),
};
