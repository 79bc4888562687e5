import {
  AccountCreatedV1Data,
  CatalogCode,
  CreditNoteIssuedV1Data,
  InvoiceIssuedV1Data,
  InvoiceOverdueV1Data,
  ProformaIssuedV1Data,
  Locale,
  PasswordResetRequestedV1Data,
  SubscriptionExpiringV1Data,
  TrialEndingV1Data,
  AccountClosureRequestedV1Data,
  AccountExportReadyV1Data,
  PaymentFailedV1Data,
  SubscriptionExpiredV1Data,
  TrialEndedV1Data,
  UserInvitedV1Data,
  WebhookEndpointFailingV1Data,
} from '@obolus/contracts';
import { money, moneyToDecimal } from '@obolus/money';
import { EFACTURA_TEMPLATE_NAMES, EfacturaTemplateData, efacturaTemplates } from './efactura-templates';

/** The data each template renders: the data of the event that causes the e-mail. */
export interface TemplateData extends EfacturaTemplateData {
  welcome: AccountCreatedV1Data;
  'invoice-issued': InvoiceIssuedV1Data;
  'credit-note-issued': CreditNoteIssuedV1Data;
  'proforma-issued': ProformaIssuedV1Data;
  'unpaid-reminder': InvoiceOverdueV1Data;
  'password-reset': PasswordResetRequestedV1Data;
  'user-invited': UserInvitedV1Data;
  'trial-ending': TrialEndingV1Data & OwnerContact;
  'subscription-expiring': SubscriptionExpiringV1Data & OwnerContact;
  'webhook-endpoint-failing': WebhookEndpointFailingV1Data;
  'trial-ended': TrialEndedV1Data & OwnerContact;
  'subscription-expired': SubscriptionExpiredV1Data & OwnerContact;
  'payment-failed': PaymentFailedV1Data & OwnerContact;
  'account-closed': AccountClosureRequestedV1Data;
  'export-ready': AccountExportReadyV1Data;
}

/**
 * The owner's address and language, added to the data of an event that does not carry them (from the
 * account's contact, kept from identity's account.created).
 */
export interface OwnerContact {
  ownerEmail?: string;
  locale?: Locale;
  /** The owner and admins who did not mute the notice. */
  noticeRecipients?: string[];
  /** Where the customer portal is, for links (payment method, renewal). */
  portalUrl?: string;
}

export type TemplateName = keyof TemplateData;

export const TEMPLATE_NAMES: readonly TemplateName[] = [
  'welcome',
  'invoice-issued',
  'credit-note-issued',
  'proforma-issued',
  'unpaid-reminder',
  'password-reset',
  'user-invited',
  'trial-ending',
  'subscription-expiring',
  'webhook-endpoint-failing',
  'trial-ended',
  'subscription-expired',
  'payment-failed',
  'account-closed',
  ...EFACTURA_TEMPLATE_NAMES,
  'export-ready',
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

/** Data that names its language, or the catalog whose language stands in for it (or neither: then none is known). */
export type LocalizedData = { locale?: Locale; catalog?: CatalogCode };

/** The language an e-mail is written in: the account's when the event says it, else its catalog's. */
export function localeOf(data: LocalizedData): Locale | undefined {
  if (data.locale !== undefined) return data.locale;
  const { catalog } = data;
  return catalog !== undefined && Object.hasOwn(catalogLanguage, catalog) ? catalogLanguage[catalog] : undefined;
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

/** Each language's conventions for numbers and currencies. */
const NUMBER_LOCALE: Record<Locale, string> = { fr: 'fr-FR', ro: 'ro-RO', en: 'en-GB' };

/** An amount as the reader writes it: "1 234,56 €" in French, "1.234,56 RON" in Romanian, "€1,234.56" in English. */
export function localizedAmount(amountMinor: number, currency: string, locale: Locale): string {
  const decimal = moneyToDecimal(money(amountMinor, currency));
  return new Intl.NumberFormat(NUMBER_LOCALE[locale], { style: 'currency', currency }).format(decimal as unknown as number);
}

const total = (invoice: InvoiceIssuedV1Data): string =>
  localizedAmount(invoice.totals.grossMinor, invoice.currency, invoice.locale);

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
        text: `Bonjour,\n\nVeuillez trouver ci-joint la facture ${data.number} du ${longDate(data.issueDate, 'fr')}, d'un montant de ${total(data)}, déjà réglée.\n\n${data.seller.legalName}`,
      },
      ro: {
        subject: `Factura ${data.number}`,
        text: `Bună ziua,\n\nVă transmitem atașat factura ${data.number} din ${longDate(data.issueDate, 'ro')}, în valoare de ${total(data)}, deja achitată.\n\n${data.seller.legalName}`,
      },
      en: {
        subject: `Invoice ${data.number}`,
        text: `Hello,\n\nPlease find attached invoice ${data.number} of ${longDate(data.issueDate, 'en')} for ${total(data)}, already paid.\n\n${data.seller.legalName}`,
      },
    }),

  'credit-note-issued': (data: CreditNoteIssuedV1Data): RenderedEmail | undefined => {
    const amount = localizedAmount(data.totals.grossMinor, data.currency, data.locale);
    const refunded = data.reason === 'refund';
    return inLocale(data.locale, {
      fr: {
        subject: `Avoir ${data.number}`,
        text: `Bonjour,\n\nVeuillez trouver ci-joint l'avoir ${data.number} du ${longDate(data.issueDate, 'fr')}, d'un montant de ${amount}, sur la facture ${data.invoiceNumber}.${refunded ? " Ce montant vous a été remboursé sur le moyen de paiement d'origine." : ''}\n\n${data.seller.legalName}`,
      },
      ro: {
        subject: `Factură de stornare ${data.number}`,
        text: `Bună ziua,\n\nVă transmitem atașat factura de stornare ${data.number} din ${longDate(data.issueDate, 'ro')}, în valoare de ${amount}, aferentă facturii ${data.invoiceNumber}.${refunded ? ' Suma v-a fost rambursată prin metoda de plată inițială.' : ''}\n\n${data.seller.legalName}`,
      },
      en: {
        subject: `Credit note ${data.number}`,
        text: `Hello,\n\nPlease find attached credit note ${data.number} of ${longDate(data.issueDate, 'en')} for ${amount}, against invoice ${data.invoiceNumber}.${refunded ? ' This amount was refunded to the original payment method.' : ''}\n\n${data.seller.legalName}`,
      },
    });
  },

  'proforma-issued': (data: ProformaIssuedV1Data): RenderedEmail | undefined => {
    const amount = localizedAmount(data.transfer.amountMinor, data.currency, data.locale);
    const iban = data.transfer.iban.replace(/(.{4})(?=.)/g, '$1 ');
    const reference = data.transfer.reference.replace(/(.{4})(?=.)/g, '$1 ');
    return inLocale(data.locale, {
      fr: {
        subject: `Facture proforma ${data.number} : ${amount} à régler par virement`,
        text: `Bonjour,\n\nVeuillez trouver ci-joint la facture proforma ${data.number}. Merci de virer ${amount} avant le ${longDate(data.dueDate, 'fr')} :\n\nIBAN : ${iban}\nBIC : ${data.transfer.bic}\nTitulaire : ${data.transfer.accountHolder}\nRéférence (à indiquer impérativement) : ${reference}\n\nLa facture vous sera envoyée dès réception du virement.\n\n${data.seller.legalName}`,
      },
      ro: {
        subject: `Factură proformă ${data.number}: ${amount} de plătit prin ordin de plată`,
        text: `Bună ziua,\n\nVă transmitem atașat factura proformă ${data.number}. Vă rugăm să transferați ${amount} până la ${longDate(data.dueDate, 'ro')}:\n\nIBAN: ${iban}\nBIC: ${data.transfer.bic}\nTitular: ${data.transfer.accountHolder}\nReferință (obligatoriu în ordinul de plată): ${reference}\n\nFactura fiscală vă va fi trimisă la primirea plății.\n\n${data.seller.legalName}`,
      },
      en: {
        subject: `Proforma invoice ${data.number}: ${amount} to pay by bank transfer`,
        text: `Hello,\n\nPlease find attached proforma invoice ${data.number}. Please transfer ${amount} by ${longDate(data.dueDate, 'en')}:\n\nIBAN: ${iban}\nBIC: ${data.transfer.bic}\nAccount holder: ${data.transfer.accountHolder}\nReference (required): ${reference}\n\nThe invoice follows as soon as the transfer arrives.\n\n${data.seller.legalName}`,
      },
    });
  },

  'unpaid-reminder': (data: InvoiceOverdueV1Data): RenderedEmail | undefined => {
    const amount = localizedAmount(data.amountDueMinor, data.currency, data.locale);
    const iban = data.transfer.iban.replace(/(.{4})(?=.)/g, '$1 ');
    const reference = data.transfer.reference.replace(/(.{4})(?=.)/g, '$1 ');
    const { number } = data.document;
    return inLocale(data.locale, {
      fr: {
        subject: `${data.final ? 'Dernier rappel' : 'Rappel'} : facture proforma ${number} impayée (${amount})`,
        text: `Bonjour,\n\nSauf erreur de notre part, la facture proforma ${number} du ${longDate(data.document.issueDate, 'fr')}, d'un montant de ${amount}, échue le ${longDate(data.document.dueDate, 'fr')}, n'est pas réglée (${data.daysOverdue} jours de retard).\n\nIBAN : ${iban}\nBIC : ${data.transfer.bic}\nTitulaire : ${data.transfer.accountHolder}\nRéférence : ${reference}\n\nSi vous avez déjà payé, ne tenez pas compte de ce message.${data.final ? ' Ceci est notre dernier rappel.' : ''}\n\n${data.sellerName}`,
      },
      ro: {
        subject: `${data.final ? 'Ultima notificare' : 'Notificare'}: factura proformă ${number} neachitată (${amount})`,
        text: `Bună ziua,\n\nFactura proformă ${number} din ${longDate(data.document.issueDate, 'ro')}, în valoare de ${amount}, scadentă la ${longDate(data.document.dueDate, 'ro')}, nu este achitată (${data.daysOverdue} zile întârziere).\n\nIBAN: ${iban}\nBIC: ${data.transfer.bic}\nTitular: ${data.transfer.accountHolder}\nReferință: ${reference}\n\nDacă ați plătit deja, vă rugăm să ignorați acest mesaj.${data.final ? ' Aceasta este ultima notificare.' : ''}\n\n${data.sellerName}`,
      },
      en: {
        subject: `${data.final ? 'Final reminder' : 'Reminder'}: proforma invoice ${number} unpaid (${amount})`,
        text: `Hello,\n\nProforma invoice ${number} of ${longDate(data.document.issueDate, 'en')} for ${amount}, due on ${longDate(data.document.dueDate, 'en')}, is still unpaid (${data.daysOverdue} days overdue).\n\nIBAN: ${iban}\nBIC: ${data.transfer.bic}\nAccount holder: ${data.transfer.accountHolder}\nReference: ${reference}\n\nIf you have already paid, please ignore this message.${data.final ? ' This is our final reminder.' : ''}\n\n${data.sellerName}`,
      },
    });
  },

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

  /** T3: the trial ran out without a purchase; the account is on the free edition, or blocked until it pays. */
  'trial-ended': (data: TrialEndedV1Data & OwnerContact): RenderedEmail | undefined => {
    const locale = localeOf(data);
    if (!locale || !Object.hasOwn(MONTHS, locale)) return undefined;
    const lastDay = longDate(data.trialEndsOn, locale);
    const edition = editionName(data.freeEdition ?? data.edition);
    const blocked = data.outcome === 'blocked';
    return inLocale(locale, {
      fr: {
        subject: blocked
          ? "Votre période d'essai est terminée : compte bloqué"
          : `Votre période d'essai est terminée : édition ${edition}`,
        text:
          `Bonjour,\n\nVotre période d'essai s'est terminée le ${lastDay}.\n\n` +
          (blocked
            ? `Votre compte est bloqué jusqu'au paiement. Vos données sont conservées : achetez une édition dans le Panneau Admin > Abonnement > Prix et éditions pour le débloquer aussitôt.`
            : `Votre compte est passé à l'édition gratuite ${edition} et reste utilisable. Vos données sont conservées. Pour retrouver toutes les fonctionnalités, achetez une édition dans le Panneau Admin > Abonnement > Prix et éditions.`),
      },
      ro: {
        subject: blocked ? 'Perioada de probă s-a încheiat: cont blocat' : `Perioada de probă s-a încheiat: ediția ${edition}`,
        text:
          `Bună ziua,\n\nPerioada de probă s-a încheiat pe ${lastDay}.\n\n` +
          (blocked
            ? `Contul este blocat până la efectuarea plății. Datele dumneavoastră se păstrează: cumpărați o ediție în Panoul de administrare > Abonament > Prețuri și ediții pentru a-l debloca imediat.`
            : `Contul a trecut la ediția gratuită ${edition} și rămâne utilizabil. Datele dumneavoastră se păstrează. Pentru toate funcționalitățile, cumpărați o ediție în Panoul de administrare > Abonament > Prețuri și ediții.`),
      },
      en: {
        subject: blocked ? 'Your trial has ended: account blocked' : `Your trial has ended: ${edition} edition`,
        text:
          `Hello,\n\nYour trial ended on ${lastDay}.\n\n` +
          (blocked
            ? `Your account is blocked until you pay. Your data is kept: buy an edition in Admin panel > Subscription > Prices and editions to unblock it at once.`
            : `Your account moved to the free ${edition} edition and stays usable. Your data is kept. To get every feature back, buy an edition in Admin panel > Subscription > Prices and editions.`),
      },
    });
  },

  /** B3: a prepaid period ended without an extension; the account is on the free edition. */
  'subscription-expired': (data: SubscriptionExpiredV1Data & OwnerContact): RenderedEmail | undefined => {
    const locale = localeOf(data);
    if (!locale || !Object.hasOwn(MONTHS, locale)) return undefined;
    const lastDay = longDate(data.expiredOn, locale);
    const [edition, free] = [editionName(data.edition), editionName(data.toEdition)];
    return inLocale(locale, {
      fr: {
        subject: `Votre abonnement ${edition} a expiré`,
        text:
          `Bonjour,\n\nLa période payée de votre édition ${edition} s'est terminée le ${lastDay}. Votre compte est passé à l'édition ${free} et reste utilisable ; vos données sont conservées.\n\n` +
          `Pour revenir à ${edition}, achetez une nouvelle période dans le Panneau Admin > Abonnement > Prix et éditions.`,
      },
      ro: {
        subject: `Abonamentul ${edition} a expirat`,
        text:
          `Bună ziua,\n\nPerioada plătită a ediției ${edition} s-a încheiat pe ${lastDay}. Contul a trecut la ediția ${free} și rămâne utilizabil; datele dumneavoastră se păstrează.\n\n` +
          `Pentru a reveni la ${edition}, cumpărați o nouă perioadă în Panoul de administrare > Abonament > Prețuri și ediții.`,
      },
      en: {
        subject: `Your ${edition} subscription has expired`,
        text:
          `Hello,\n\nThe paid period of your ${edition} edition ended on ${lastDay}. Your account moved to the ${free} edition and stays usable; your data is kept.\n\n` +
          `To return to ${edition}, buy a new period in Admin panel > Subscription > Prices and editions.`,
      },
    });
  },

  /** P4: a charge failed; what, why, and what to do (the retry schedule is dunning's). */
  'payment-failed': (data: PaymentFailedV1Data & OwnerContact): RenderedEmail | undefined => {
    const locale = localeOf(data);
    if (!locale || !Object.hasOwn(MONTHS, locale)) return undefined;
    const amount = localizedAmount(data.amountMinor, data.currency, locale);
    const day = longDate(data.failedAt.slice(0, 10), locale);
    const retry = data.nextRetryAt ? longDate(data.nextRetryAt.slice(0, 10), locale) : undefined;
    const link = data.portalUrl ? `${data.portalUrl}/billing/payment-method` : undefined;
    const tries = data.attempt ?? 1;
    const texts = {
      fr: {
        subject: data.final ? `Dernier avis : le paiement de ${amount} n'a pas abouti` : `Échec du paiement de ${amount}`,
        text:
          `Bonjour,\n\nLe paiement de ${amount} du ${day} n'a pas abouti (tentative ${tries}) : ${data.failureMessage}\n\n` +
          (data.final
            ? `C'était la dernière tentative. Votre abonnement suit désormais votre offre : le compte est bloqué, ou passe à l'édition gratuite ; vos données sont conservées. Un achat le rétablit.`
            : `Nous réessaierons le ${retry}. Pour que ce soit tout de suite, mettez à jour votre moyen de paiement${link ? ` : ${link}` : ' dans le Panneau Admin > Abonnement > Paiement.'}`),
      },
      ro: {
        subject: data.final ? `Ultimă notificare: plata de ${amount} nu a reușit` : `Plata de ${amount} nu a reușit`,
        text:
          `Bună ziua,\n\nPlata de ${amount} din ${day} nu a reușit (încercarea ${tries}): ${data.failureMessage}\n\n` +
          (data.final
            ? `A fost ultima încercare. Abonamentul urmează acum oferta dumneavoastră: contul este blocat sau trece la ediția gratuită; datele se păstrează. O achiziție îl restabilește.`
            : `Vom încerca din nou pe ${retry}. Pentru o nouă încercare imediată, actualizați metoda de plată${link ? `: ${link}` : ' în Panoul de administrare > Abonament > Plată.'}`),
      },
      en: {
        subject: data.final ? `Final notice: the payment of ${amount} failed` : `Payment of ${amount} failed`,
        text:
          `Hello,\n\nThe payment of ${amount} on ${day} did not go through (try ${tries}): ${data.failureMessage}\n\n` +
          (data.final
            ? `That was the last try. Your subscription now follows your plan: the account is blocked, or moves to the free edition; your data is kept. A purchase restores it.`
            : `We will try again on ${retry}. To have it tried at once, update your payment method${link ? `: ${link}` : ' in Admin panel > Subscription > Payment.'}`),
      },
    };
    return inLocale(locale, texts);
  },

  /** A3: the owner closed the account; it is blocked, and its data is deleted after the retention period. */
  'account-closed': (data: AccountClosureRequestedV1Data): RenderedEmail | undefined => {
    if (!Object.hasOwn(MONTHS, data.locale)) return undefined;
    const closed = longDate(data.requestedAt.slice(0, 10), data.locale);
    const purge = longDate(data.purgeAfter.slice(0, 10), data.locale);
    return inLocale(data.locale, {
      fr: {
        subject: 'Votre compte est fermé',
        text:
          `Bonjour,\n\nVotre compte a été fermé le ${closed} à votre demande ; il n'est plus facturé et n'est plus accessible.\n\n` +
          `Vos factures restent conservées comme la loi l'exige. Les autres données du compte seront supprimées après le ${purge}.`,
      },
      ro: {
        subject: 'Contul a fost închis',
        text:
          `Bună ziua,\n\nContul a fost închis pe ${closed}, la cererea dumneavoastră; nu mai este facturat și nu mai este accesibil.\n\n` +
          `Facturile se păstrează conform legii. Celelalte date ale contului vor fi șterse după ${purge}.`,
      },
      en: {
        subject: 'Your account is closed',
        text:
          `Hello,\n\nYour account was closed on ${closed} at your request; it is no longer billed or accessible.\n\n` +
          `Invoices are kept as the law requires. The account's other data will be deleted after ${purge}.`,
      },
    });
  },

  /** A3: the owner's data export is ready; the link works until it expires, after closure too. */
  'export-ready': (data: AccountExportReadyV1Data): RenderedEmail | undefined => {
    if (!Object.hasOwn(MONTHS, data.locale)) return undefined;
    const until = longDate(data.expiresAt.slice(0, 10), data.locale);
    return inLocale(data.locale, {
      fr: {
        subject: 'Votre export de données est prêt',
        text:
          `Bonjour,\n\nL'export des données de votre compte est prêt : ${data.fileCount} fichiers dans une archive ZIP, avec un manifest.json qui donne l'empreinte SHA-256 de chacun.\n\n` +
          `Téléchargez-le jusqu'au ${until} : ${data.downloadUrl}`,
      },
      ro: {
        subject: 'Exportul datelor este gata',
        text:
          `Bună ziua,\n\nExportul datelor contului este gata: ${data.fileCount} fișiere într-o arhivă ZIP, cu un manifest.json care dă amprenta SHA-256 a fiecăruia.\n\n` +
          `Îl puteți descărca până la ${until}: ${data.downloadUrl}`,
      },
      en: {
        subject: 'Your data export is ready',
        text:
          `Hello,\n\nYour account's data export is ready: ${data.fileCount} files in a ZIP archive, with a manifest.json giving each one's SHA-256 digest.\n\n` +
          `Download it until ${until}: ${data.downloadUrl}`,
      },
    });
  },

  ...efacturaTemplates({ localeOf, longDate, localizedAmount }),
};
