import {
  EfacturaAuthorizationLostV1Data,
  EfacturaDeadlineApproachingV1Data,
  EfacturaIncomingReceivedV1Data,
  EfacturaSubmissionRejectedV1Data,
  Locale,
} from '@obolus/contracts';
import type { OwnerContact, RenderedEmail } from './templates';

/** Staff addresses told of an account's e-Factura trouble as well as its owner (STAFF_ALERT_EMAILS). */
export interface StaffContact {
  staffRecipients?: string[];
}

/** The data of the e-Factura notices: their event's, with the owner's contact and the staff's addresses. */
export interface EfacturaTemplateData {
  'efactura-rejected': EfacturaSubmissionRejectedV1Data & OwnerContact & StaffContact;
  'efactura-deadline-approaching': EfacturaDeadlineApproachingV1Data & OwnerContact & StaffContact;
  'efactura-authorization-lost': EfacturaAuthorizationLostV1Data & OwnerContact & StaffContact;
  'supplier-invoice-received': EfacturaIncomingReceivedV1Data & OwnerContact;
}

export const EFACTURA_TEMPLATE_NAMES: readonly (keyof EfacturaTemplateData)[] = [
  'efactura-rejected',
  'efactura-deadline-approaching',
  'efactura-authorization-lost',
  'supplier-invoice-received',
];

/** What the e-Factura notices borrow from the other templates (passed in: templates.ts imports this file). */
export interface TemplateHelpers {
  localeOf(data: { locale?: Locale }): Locale | undefined;
  longDate(day: string, locale: Locale): string;
  localizedAmount(amountMinor: number, currency: string, locale: Locale): string;
}

const LOCALES_KNOWN: readonly Locale[] = ['fr', 'ro', 'en'];

/** e-Factura is Romanian: without the account's language, Romanian. */
const languageOf = (helpers: TemplateHelpers, data: { locale?: Locale }): Locale => {
  const locale = helpers.localeOf(data);
  return locale !== undefined && LOCALES_KNOWN.includes(locale) ? locale : 'ro';
};

const pick = (locale: Locale, texts: Record<Locale, RenderedEmail>): RenderedEmail => texts[locale];

const PORTAL_PATH = {
  fr: 'Panneau Admin > e-Factura',
  ro: 'Panoul de administrare > e-Factura',
  en: 'Admin panel > e-Factura',
} as const;

/** ANAF's messages, one a line, and how many more the portal shows. */
function messageLines(data: EfacturaSubmissionRejectedV1Data, more: (n: number) => string): string {
  const lines = data.messages.map((message) => `- ${message}`);
  const left = data.messageCount - data.messages.length;
  return [...lines, ...(left > 0 ? [more(left)] : [])].join('\n');
}

/** The amount a supplier asks, in the reader's format; a currency the money library does not know is written as given. */
function payable(helpers: TemplateHelpers, data: EfacturaIncomingReceivedV1Data, locale: Locale): string | undefined {
  if (data.payableMinor === null || data.currency === null) return undefined;
  try {
    return helpers.localizedAmount(data.payableMinor, data.currency, locale);
  } catch {
    return `${data.payableMinor} (${data.currency}, minor units)`;
  }
}

/** The e-Factura notices, in each language (E2, E3, E4 and the authorisation). Plain text; the HTML is made from it, escaped. */
export function efacturaTemplates(helpers: TemplateHelpers): {
  [T in keyof EfacturaTemplateData]: (data: EfacturaTemplateData[T]) => RenderedEmail | undefined;
} {
  return {
    /** E4: ANAF rejected a document; its messages as ANAF wrote them, and how it is corrected. */
    'efactura-rejected': (data) => {
      const locale = languageOf(helpers, data);
      return pick(locale, {
        fr: {
          subject: `e-Factura : la facture ${data.invoiceNumber} a été rejetée par l'ANAF`,
          text:
            `Bonjour,\n\nL'ANAF a rejeté la facture ${data.invoiceNumber} (CUI ${data.cif}). Ses messages :\n\n` +
            `${messageLines(data, (n) => `(et ${n} autres, dans ${PORTAL_PATH.fr})`)}\n\n` +
            `Une facture émise ne se modifie pas : corrigez par un avoir et une nouvelle facture, qui sera transmise à son tour. Le détail est dans ${PORTAL_PATH.fr}.`,
        },
        ro: {
          subject: `e-Factura: factura ${data.invoiceNumber} a fost respinsă de ANAF`,
          text:
            `Bună ziua,\n\nANAF a respins factura ${data.invoiceNumber} (CUI ${data.cif}). Mesajele ANAF:\n\n` +
            `${messageLines(data, (n) => `(și încă ${n}, în ${PORTAL_PATH.ro})`)}\n\n` +
            `O factură emisă nu se modifică: corectați prin stornare și o factură nouă, care va fi transmisă la rândul ei. Detaliile sunt în ${PORTAL_PATH.ro}.`,
        },
        en: {
          subject: `e-Factura: invoice ${data.invoiceNumber} was rejected by ANAF`,
          text:
            `Hello,\n\nANAF rejected invoice ${data.invoiceNumber} (CUI ${data.cif}). ANAF's messages:\n\n` +
            `${messageLines(data, (n) => `(and ${n} more, in ${PORTAL_PATH.en})`)}\n\n` +
            `An issued invoice is never edited: correct it with a credit note and a new invoice, which is sent in turn. The details are in ${PORTAL_PATH.en}.`,
        },
      });
    },

    /** E2: 2, then 1 working day before the deadline, to the owner and staff. */
    'efactura-deadline-approaching': (data) => {
      const locale = languageOf(helpers, data);
      const deadline = helpers.longDate(data.uploadDeadline, locale);
      const issued = helpers.longDate(data.issueDate, locale);
      const why = {
        fr: {
          invalid:
            'Elle ne passe pas la validation officielle et ne peut pas être transmise : émettez un avoir et une nouvelle facture.',
          rejected: "L'ANAF l'a rejetée : émettez un avoir et une nouvelle facture.",
          queued: "Elle attend son envoi : vérifiez que l'autorisation ANAF du CUI est active.",
          uploaded: "Elle a été envoyée et l'ANAF ne l'a pas encore acceptée.",
          'not-queued': "Elle n'est pas transmise automatiquement : envoyez-la depuis le portail.",
        },
        ro: {
          invalid: 'Nu trece validarea oficială și nu poate fi transmisă: emiteți o stornare și o factură nouă.',
          rejected: 'ANAF a respins-o: emiteți o stornare și o factură nouă.',
          queued: 'Așteaptă să fie transmisă: verificați că autorizarea ANAF a CUI-ului este activă.',
          uploaded: 'A fost transmisă, iar ANAF nu a acceptat-o încă.',
          'not-queued': 'Nu este transmisă automat: trimiteți-o din portal.',
        },
        en: {
          invalid: 'It fails the official validation and cannot be sent: issue a credit note and a new invoice.',
          rejected: 'ANAF rejected it: issue a credit note and a new invoice.',
          queued: "It is waiting to be sent: check that the CUI's ANAF authorisation is active.",
          uploaded: 'It was sent and ANAF has not accepted it yet.',
          'not-queued': 'It is not sent automatically: send it from the portal.',
        },
      }[locale][data.status];
      const days = {
        fr: data.workingDaysLeft === 1 ? '1 jour ouvré' : `${data.workingDaysLeft} jours ouvrés`,
        ro: data.workingDaysLeft === 1 ? 'mai rămâne o zi lucrătoare' : `mai rămân ${data.workingDaysLeft} zile lucrătoare`,
        en: data.workingDaysLeft === 1 ? '1 working day' : `${data.workingDaysLeft} working days`,
      }[locale];
      return pick(locale, {
        fr: {
          subject: `e-Factura : la facture ${data.invoiceNumber} doit parvenir à l'ANAF avant le ${deadline}`,
          text:
            `Bonjour,\n\nLa facture ${data.invoiceNumber} du ${issued} n'est pas encore acceptée par l'ANAF. Le délai légal de transmission se termine le ${deadline} : il reste ${days}.\n\n` +
            `${why}\n\n${PORTAL_PATH.fr}`,
        },
        ro: {
          subject: `e-Factura: factura ${data.invoiceNumber} trebuie să ajungă la ANAF până pe ${deadline}`,
          text:
            `Bună ziua,\n\nFactura ${data.invoiceNumber} din ${issued} nu a fost încă acceptată de ANAF. Termenul legal de transmitere se încheie pe ${deadline}: ${days}.\n\n` +
            `${why}\n\n${PORTAL_PATH.ro}`,
        },
        en: {
          subject: `e-Factura: invoice ${data.invoiceNumber} must reach ANAF by ${deadline}`,
          text:
            `Hello,\n\nInvoice ${data.invoiceNumber} of ${issued} is not accepted by ANAF yet. The legal deadline to send it ends on ${deadline}: ${days} left.\n\n` +
            `${why}\n\n${PORTAL_PATH.en}`,
        },
      });
    },

    /** ANAF no longer takes the CUI's tokens: invoices wait until the owner connects again. */
    'efactura-authorization-lost': (data) => {
      const locale = languageOf(helpers, data);
      return pick(locale, {
        fr: {
          subject: `e-Factura : l'autorisation ANAF du CUI ${data.cif} est perdue`,
          text:
            `Bonjour,\n\nL'ANAF n'accepte plus l'accès d'Obolus pour le CUI ${data.cif} (${data.reason === 'expired' ? 'expiré' : 'révoqué'}). Réponse de l'ANAF : ${data.message}\n\n` +
            `Les factures de ce CUI attendent : aucune n'est perdue. Reconnectez le CUI avec votre certificat dans ${PORTAL_PATH.fr} > ANAF, et leur envoi reprend.`,
        },
        ro: {
          subject: `e-Factura: autorizarea ANAF pentru CUI ${data.cif} a fost pierdută`,
          text:
            `Bună ziua,\n\nANAF nu mai acceptă accesul Obolus pentru CUI ${data.cif} (${data.reason === 'expired' ? 'expirat' : 'revocat'}). Răspunsul ANAF: ${data.message}\n\n` +
            `Facturile acestui CUI așteaptă: niciuna nu se pierde. Reconectați CUI-ul cu certificatul dumneavoastră în ${PORTAL_PATH.ro} > ANAF, iar transmiterea lor se reia.`,
        },
        en: {
          subject: `e-Factura: the ANAF authorisation of CUI ${data.cif} is lost`,
          text:
            `Hello,\n\nANAF no longer accepts Obolus's access for CUI ${data.cif} (${data.reason}). ANAF's answer: ${data.message}\n\n` +
            `This CUI's invoices wait: none is lost. Connect the CUI again with your certificate in ${PORTAL_PATH.en} > ANAF, and sending resumes.`,
        },
      });
    },

    /** E3: a supplier's invoice arrived through ANAF; what was read of it, or why it could not be. */
    'supplier-invoice-received': (data) => {
      const locale = languageOf(helpers, data);
      const supplier = [data.supplierName, data.supplierCif ? `CUI ${data.supplierCif}` : null].filter((x) => x).join(', ');
      const date = data.issueDate ? helpers.longDate(data.issueDate, locale) : undefined;
      const amount = payable(helpers, data, locale);
      const texts = {
        fr: {
          subject: `Facture fournisseur reçue${data.number ? ` : ${data.number}` : ''}${data.supplierName ? ` de ${data.supplierName}` : ''}`,
          text:
            `Bonjour,\n\nUne facture adressée au CUI ${data.cif} est arrivée par l'ANAF (message ${data.anafId}).\n\n` +
            (data.parseError === null
              ? [
                  supplier && `Fournisseur : ${supplier}`,
                  data.number && `Numéro : ${data.number}`,
                  date && `Date : ${date}`,
                  amount && `À payer : ${amount}`,
                ]
                  .filter((x) => x)
                  .join('\n')
              : `Elle n'a pas pu être lue (${data.parseError}) ; elle est conservée telle que l'ANAF l'a envoyée.`) +
            `\n\nLe ZIP signé, le XML et le PDF sont dans ${PORTAL_PATH.fr} > Factures reçues.`,
        },
        ro: {
          subject: `Factură de la furnizor primită${data.number ? `: ${data.number}` : ''}${data.supplierName ? ` de la ${data.supplierName}` : ''}`,
          text:
            `Bună ziua,\n\nO factură adresată CUI ${data.cif} a sosit prin ANAF (mesajul ${data.anafId}).\n\n` +
            (data.parseError === null
              ? [
                  supplier && `Furnizor: ${supplier}`,
                  data.number && `Număr: ${data.number}`,
                  date && `Data: ${date}`,
                  amount && `De plată: ${amount}`,
                ]
                  .filter((x) => x)
                  .join('\n')
              : `Nu a putut fi citită (${data.parseError}); este păstrată așa cum a trimis-o ANAF.`) +
            `\n\nArhiva semnată, XML-ul și PDF-ul sunt în ${PORTAL_PATH.ro} > Facturi primite.`,
        },
        en: {
          subject: `Supplier invoice received${data.number ? `: ${data.number}` : ''}${data.supplierName ? ` from ${data.supplierName}` : ''}`,
          text:
            `Hello,\n\nAn invoice sent to CUI ${data.cif} arrived through ANAF (message ${data.anafId}).\n\n` +
            (data.parseError === null
              ? [
                  supplier && `Supplier: ${supplier}`,
                  data.number && `Number: ${data.number}`,
                  date && `Date: ${date}`,
                  amount && `To pay: ${amount}`,
                ]
                  .filter((x) => x)
                  .join('\n')
              : `It could not be read (${data.parseError}); it is kept as ANAF sent it.`) +
            `\n\nThe signed ZIP, the XML and the PDF are in ${PORTAL_PATH.en} > Received invoices.`,
        },
      };
      return pick(locale, texts);
    },
  };
}
