import {
  AccountCreatedV1Data,
  CatalogCode,
  InvoiceIssuedV1Data,
  Locale,
  PasswordResetRequestedV1Data,
  SubscriptionExpiringV1Data,
  TrialEndingV1Data,
  UserInvitedV1Data,
  WebhookEndpointFailingV1Data,
} from '@obolus/contracts';
import { money, moneyToDecimal } from '@obolus/money';

/** The data each template renders: the data of the event that causes the e-mail. */
export interface TemplateData {
  welcome: AccountCreatedV1Data;
  'invoice-issued': InvoiceIssuedV1Data;
  'password-reset': PasswordResetRequestedV1Data;
  'user-invited': UserInvitedV1Data;
  'trial-ending': TrialEndingV1Data;
  'subscription-expiring': SubscriptionExpiringV1Data;
  'webhook-endpoint-failing': WebhookEndpointFailingV1Data;
}

export type TemplateName = keyof TemplateData;

export const TEMPLATE_NAMES: readonly TemplateName[] = [
  'welcome',
  'invoice-issued',
  'password-reset',
  'user-invited',
  'trial-ending',
  'subscription-expiring',
  'webhook-endpoint-failing',
];

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

/** The language of each catalog's country, for an event that does not carry the account's own (B6 notices). */
const catalogLanguage: Record<CatalogCode, Locale> = { 'fr-crm': 'fr', 'ro-crm': 'ro' };

/** Data that names its language, or the catalog whose language stands in for it. */
export type LocalizedData = { locale: Locale } | { locale?: Locale; catalog: CatalogCode };

/** The language an e-mail is written in: the account's when the event says it, else its catalog's. */
export function localeOf(data: LocalizedData): Locale | undefined {
  if (data.locale !== undefined) return data.locale;
  const { catalog } = data as { catalog: CatalogCode };
  return Object.hasOwn(catalogLanguage, catalog) ? catalogLanguage[catalog] : undefined;
}

const MONTHS: Record<Locale, readonly string[]> = {
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  ro: [
    'ianuarie',
    'februarie',
    'martie',
    'aprilie',
    'mai',
    'iunie',
    'iulie',
    'august',
    'septembrie',
    'octombrie',
    'noiembrie',
    'decembrie',
  ],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** A calendar day (YYYY-MM-DD) as written in a letter: "1er janvier 2027", "30 ianuarie 2027", "30 January 2027". */
export function longDate(day: string, locale: Locale): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const dayOfMonth = locale === 'fr' && date === 1 ? '1er' : String(date);
  return `${dayOfMonth} ${MONTHS[locale][month - 1]} ${year}`;
}

/** An edition as its catalog names it: the code's words, capitalised ("dream-team" is Dream Team). */
export const editionName = (edition: string): string =>
  edition
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');

/**
 * What happens to an account whose trial runs out without a purchase (T3): the catalog without a free
 * edition (fr-crm) blocks it until it pays, the one with a free edition (ro-crm) moves it there.
 */
const afterTrial: Record<CatalogCode, 'blocked' | 'free-edition'> = { 'fr-crm': 'blocked', 'ro-crm': 'free-edition' };

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

  /** B6, T3: 10 days ahead, the last day of the trial and what follows it without a purchase. */
  'trial-ending': (data: TrialEndingV1Data): RenderedEmail | undefined => {
    const locale = localeOf(data);
    if (!locale || !Object.hasOwn(MONTHS, locale)) return undefined;
    const lastDay = longDate(data.trialEndsOn, locale);
    const edition = editionName(data.edition);
    const blocked = afterTrial[data.catalog] === 'blocked';
    return inLocale(locale, {
      fr: {
        subject: `Votre période d'essai se termine le ${lastDay}`,
        text:
          `Bonjour,\n\nLe dernier jour de votre période d'essai de l'édition ${edition} est le ${lastDay}.\n\n` +
          `Pour continuer sans interruption, choisissez votre édition et votre formule dans le Panneau Admin > Abonnement > Prix et éditions.\n\n` +
          (blocked
            ? `Sans achat d'ici là, votre compte sera bloqué jusqu'au paiement. Vos données sont conservées : rien n'est perdu.`
            : `Sans achat d'ici là, votre compte passera automatiquement à l'édition gratuite et restera utilisable avec ses fonctionnalités. Vos données sont conservées.`),
      },
      ro: {
        subject: `Perioada de probă se încheie pe ${lastDay}`,
        text:
          `Bună ziua,\n\nUltima zi a perioadei de probă pentru ediția ${edition} este ${lastDay}.\n\n` +
          `Pentru a continua fără întrerupere, alegeți ediția și abonamentul în Panoul de administrare > Abonament > Prețuri și ediții.\n\n` +
          (blocked
            ? `Dacă nu cumpărați un abonament până atunci, contul va fi blocat până la efectuarea plății. Datele dumneavoastră se păstrează: nu se pierde nimic.`
            : `Dacă nu cumpărați un abonament până atunci, contul trece automat la ediția gratuită și rămâne utilizabil cu funcționalitățile acesteia. Datele dumneavoastră se păstrează.`),
      },
      en: {
        subject: `Your trial ends on ${lastDay}`,
        text:
          `Hello,\n\nThe last day of your trial of the ${edition} edition is ${lastDay}.\n\n` +
          `To carry on without interruption, choose your edition and plan in Admin panel > Subscription > Prices and editions.\n\n` +
          (blocked
            ? `Without a purchase by then, your account will be blocked until you buy a subscription. Your data is kept: nothing is lost.`
            : `Without a purchase by then, your account moves to the free edition automatically and stays usable with its features. Your data is kept.`),
      },
    });
  },

  /** B6, B2, B3: 10 days ahead, the last day paid for, how to extend it, and the edition the account falls to. */
  'subscription-expiring': (data: SubscriptionExpiringV1Data): RenderedEmail | undefined => {
    const locale = localeOf(data);
    if (!locale || !Object.hasOwn(MONTHS, locale)) return undefined;
    const lastDay = longDate(data.expiresOn, locale);
    const edition = editionName(data.edition);
    const free = data.freeEdition === undefined ? undefined : editionName(data.freeEdition);
    return inLocale(locale, {
      fr: {
        subject: `Votre abonnement ${edition} expire le ${lastDay}`,
        text:
          `Bonjour,\n\nLe dernier jour de la période payée de votre édition ${edition} est le ${lastDay}.\n\n` +
          `Pour prolonger votre abonnement, achetez une nouvelle période ${edition} dans le Panneau Admin > Abonnement > Prix et éditions : elle s'ajoute automatiquement à la date d'expiration.\n\n` +
          (free
            ? `Sans prolongation, votre compte passera automatiquement à l'édition gratuite ${free} le lendemain et restera utilisable avec ses fonctionnalités. Vos données sont conservées.`
            : `Sans prolongation, votre abonnement ${edition} prendra fin après cette date. Vos données sont conservées.`),
      },
      ro: {
        subject: `Abonamentul ${edition} expiră pe ${lastDay}`,
        text:
          `Bună ziua,\n\nUltima zi plătită a ediției ${edition} este ${lastDay}.\n\n` +
          `Pentru prelungire, cumpărați o nouă perioadă ${edition} în Panoul de administrare > Abonament > Prețuri și ediții: aceasta se adaugă automat la data de expirare.\n\n` +
          (free
            ? `Dacă nu prelungiți abonamentul, contul trece automat la ediția gratuită ${free} în ziua următoare și rămâne utilizabil cu funcționalitățile acesteia. Datele dumneavoastră se păstrează.`
            : `Dacă nu prelungiți abonamentul, ediția ${edition} se încheie după această dată. Datele dumneavoastră se păstrează.`),
      },
      en: {
        subject: `Your ${edition} subscription expires on ${lastDay}`,
        text:
          `Hello,\n\nThe last paid day of your ${edition} edition is ${lastDay}.\n\n` +
          `To extend it, buy a new ${edition} period in Admin panel > Subscription > Prices and editions: it is added to the expiry date automatically.\n\n` +
          (free
            ? `Without an extension, your account moves to the free ${free} edition automatically the next day and stays usable with its features. Your data is kept.`
            : `Without an extension, your ${edition} subscription ends after that day. Your data is kept.`),
      },
    });
  },
  /** A webhook endpoint failed a delivery for three days: what failed and what to do. */
  'webhook-endpoint-failing': (data: WebhookEndpointFailingV1Data): RenderedEmail | undefined => {
    const answer = (labels: { status: string; error: string }) =>
      data.lastStatusCode !== null ? `${labels.status} ${data.lastStatusCode}` : `${labels.error}: ${data.lastError ?? '-'}`;
    return inLocale(data.locale, {
      fr: {
        subject: `Votre point de terminaison webhook échoue : ${data.url}`,
        text:
          `Bonjour,\n\nLe point de terminaison ${data.url} n'a accepté aucune des ${data.attempts} tentatives de livraison de l'événement ${data.eventType} en trois jours (dernière réponse : ${answer({ status: 'statut HTTP', error: 'erreur' })}).\n\n` +
          `Il est marqué en échec. Les livraisons continuent ; la première réussie le rétablit. Corrigez le récepteur, puis rejouez les livraisons manquées depuis Admin > Webhooks.`,
      },
      ro: {
        subject: `Endpoint-ul webhook eșuează: ${data.url}`,
        text:
          `Bună ziua,\n\nEndpoint-ul ${data.url} nu a acceptat niciuna dintre cele ${data.attempts} încercări de livrare a evenimentului ${data.eventType} în trei zile (ultimul răspuns: ${answer({ status: 'cod HTTP', error: 'eroare' })}).\n\n` +
          `Este marcat ca eșuat. Livrările continuă; prima reușită îl reactivează. Corectați receptorul, apoi retrimiteți livrările pierdute din Administrare > Webhooks.`,
      },
      en: {
        subject: `Your webhook endpoint is failing: ${data.url}`,
        text:
          `Hello,\n\nThe endpoint ${data.url} accepted none of the ${data.attempts} attempts to deliver the ${data.eventType} event over three days (last answer: ${answer({ status: 'HTTP status', error: 'error' })}).\n\n` +
          `It is marked failing. Deliveries go on, and the first one that succeeds makes it active again. Fix the receiver, then replay the missed deliveries from Admin > Webhooks.`,
      },
    });
  },
};
