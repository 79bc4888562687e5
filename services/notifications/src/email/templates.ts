import { AccountCreatedV1Data, InvoiceIssuedV1Data, PasswordResetRequestedV1Data, UserInvitedV1Data } from '@obolus/contracts';
import { money, moneyToDecimal } from '@obolus/money';

export type Locale = 'fr' | 'ro' | 'en';

export interface RenderedEmail {
  subject: string;
  text: string;
}

const total = (invoice: InvoiceIssuedV1Data): string =>
  `${moneyToDecimal(money(invoice.totals.grossMinor, invoice.currency))} ${invoice.currency}`;

/** Every e-mail Obolus sends, in each language (I5). Plain text: it reads everywhere, phones included. */
export const templates = {
  welcome: (data: AccountCreatedV1Data): RenderedEmail =>
    ({
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
    })[data.locale],

  invoiceIssued: (data: InvoiceIssuedV1Data): RenderedEmail =>
    ({
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
    })[data.locale],

  passwordReset: (data: PasswordResetRequestedV1Data): RenderedEmail =>
    ({
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
    })[data.locale],

  userInvited: (data: UserInvitedV1Data): RenderedEmail =>
    ({
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
    })[data.locale],
};
