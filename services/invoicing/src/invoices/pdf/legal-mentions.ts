import { Locale } from '@obolus/contracts';
import { isEuMemberState, LEGAL_MENTIONS } from '@obolus/vat';
import { countryName, formatDate, formatRate } from './locale-format';

/** What the mentions of an invoice or a credit note depend on. */
export interface MentionedDocument {
  kind: 'invoice' | 'credit-note';
  locale: Locale;
  seller: { address: { country: string } };
  buyer: { address: { country: string }; buyerType?: 'business' | 'individual'; vatId?: string; companyId?: string };
  vatBreakdown: ReadonlyArray<{ vatCategory: string; vatRateBasisPoints: number; exemptionReason?: string }>;
  /** An invoice's due date (BT-9). */
  dueDate?: string;
  /** The mention stored with the document, printed unless it is one of the generic texts of @obolus/vat. */
  legalMention?: string;
}

type Words = Readonly<Record<Locale, string>>;

/** A legal reference in each language. */
const ref = (fr: string, ro: string, en: string): Words => ({ fr, ro, en });

const DIRECTIVE = {
  art44: ref(
    'article 44 de la directive 2006/112/CE',
    'art. 44 din Directiva 2006/112/CE',
    'Article 44 of Council Directive 2006/112/EC',
  ),
  art58: ref(
    'articles 58 et 369 ter de la directive 2006/112/CE',
    'art. 58 și 369b din Directiva 2006/112/CE',
    'Articles 58 and 369b of Council Directive 2006/112/EC',
  ),
  art59: ref(
    'article 59 de la directive 2006/112/CE',
    'art. 59 din Directiva 2006/112/CE',
    'Article 59 of Council Directive 2006/112/EC',
  ),
  art138: ref(
    'article 138 de la directive 2006/112/CE',
    'art. 138 din Directiva 2006/112/CE',
    'Article 138 of Council Directive 2006/112/EC',
  ),
  art146: ref(
    'article 146 de la directive 2006/112/CE',
    'art. 146 din Directiva 2006/112/CE',
    'Article 146 of Council Directive 2006/112/EC',
  ),
  art196: ref(
    'article 196 de la directive 2006/112/CE',
    'art. 196 din Directiva 2006/112/CE',
    'Article 196 of Council Directive 2006/112/EC',
  ),
};

/**
 * The national references of a VAT case, by the country whose law they come from. A French seller's
 * reverse-charged service is placed outside France by CGI art. 259-1; art. 283-2 is the French
 * customer's side of the mechanism (it makes the customer liable), so it is cited when the customer is
 * French, as Codul fiscal art. 307 alin. (2) is for a Romanian customer. Codul fiscal art. 331 (domestic
 * reverse charge on listed goods) never applies to a software subscription.
 */
const NATIONAL = {
  FR: {
    reverseChargeSupplier: ref(
      'article 259-1 du CGI',
      'art. 259-1 din Codul general al impozitelor (Franța)',
      'Article 259-1 of the French General Tax Code',
    ),
    reverseChargeCustomer: ref(
      'article 283-2 du CGI',
      'art. 283-2 din Codul general al impozitelor (Franța)',
      'Article 283-2 of the French General Tax Code',
    ),
    outsideEuBusiness: ref(
      'article 259-1 du CGI',
      'art. 259-1 din Codul general al impozitelor (Franța)',
      'Article 259-1 of the French General Tax Code',
    ),
    outsideEuIndividual: ref(
      'article 259 B du CGI',
      'art. 259 B din Codul general al impozitelor (Franța)',
      'Article 259 B of the French General Tax Code',
    ),
    intraCommunitySupply: ref(
      'article 262 ter I du CGI',
      'art. 262 ter I din Codul general al impozitelor (Franța)',
      'Article 262 ter I of the French General Tax Code',
    ),
    export: ref(
      'article 262 I du CGI',
      'art. 262 I din Codul general al impozitelor (Franța)',
      'Article 262 I of the French General Tax Code',
    ),
  },
  RO: {
    reverseChargeSupplier: ref(
      'articles 278 alinéa 2 et 319 alinéa 20 du Code fiscal roumain',
      'art. 278 alin. (2) și art. 319 alin. (20) din Codul fiscal',
      'Articles 278(2) and 319(20) of the Romanian Fiscal Code',
    ),
    reverseChargeCustomer: ref(
      'article 307 alinéa 2 du Code fiscal roumain',
      'art. 307 alin. (2) din Codul fiscal',
      'Article 307(2) of the Romanian Fiscal Code',
    ),
    outsideEuBusiness: ref(
      'article 278 du Code fiscal roumain',
      'art. 278 din Codul fiscal',
      'Article 278 of the Romanian Fiscal Code',
    ),
    outsideEuIndividual: ref(
      'article 278 du Code fiscal roumain',
      'art. 278 din Codul fiscal',
      'Article 278 of the Romanian Fiscal Code',
    ),
    intraCommunitySupply: ref(
      'article 294 alinéa 2 du Code fiscal roumain',
      'art. 294 alin. (2) din Codul fiscal',
      'Article 294(2) of the Romanian Fiscal Code',
    ),
    export: ref(
      'article 294 alinéa 1 du Code fiscal roumain',
      'art. 294 alin. (1) din Codul fiscal',
      'Article 294(1) of the Romanian Fiscal Code',
    ),
  },
} as const;

type NationalLaw = (typeof NATIONAL)['FR'];
const nationalLaw = (country: string): NationalLaw | undefined =>
  country === 'FR' || country === 'RO' ? NATIONAL[country] : undefined;

const joinRefs = (refs: ReadonlyArray<Words | undefined>, locale: Locale): string =>
  refs
    .filter((r): r is Words => !!r)
    .map((r) => r[locale])
    .join(locale === 'fr' ? ' ; ' : '; ');

const isBusiness = (buyer: MentionedDocument['buyer']): boolean =>
  buyer.buyerType ? buyer.buyerType === 'business' : !!(buyer.vatId || buyer.companyId);

/** The mentions of each VAT category the document uses, with the law of the seller's (and customer's) country. */
export function vatCaseMentions(doc: MentionedDocument): string[] {
  const { locale } = doc;
  const sellerCountry = doc.seller.address.country;
  const buyerCountry = doc.buyer.address.country;
  const seller = nationalLaw(sellerCountry);
  const customer = buyerCountry === sellerCountry ? undefined : nationalLaw(buyerCountry);
  const mentions: string[] = [];
  const seen = new Set<string>();
  for (const entry of doc.vatBreakdown) {
    const key = `${entry.vatCategory}/${entry.vatRateBasisPoints}`;
    if (seen.has(key)) continue;
    seen.add(key);
    switch (entry.vatCategory) {
      case 'AE': {
        const refs = joinRefs([DIRECTIVE.art196, seller?.reverseChargeSupplier, customer?.reverseChargeCustomer], locale);
        mentions.push(
          {
            fr: `Autoliquidation : TVA due par le preneur (${refs}).`,
            ro: `Taxare inversă: TVA se datorează de beneficiar (${refs}).`,
            en: `Reverse charge: VAT to be accounted for by the customer (${refs}).`,
          }[locale],
        );
        break;
      }
      case 'S': {
        // An EU individual in another member state pays its own country's rate, declared through OSS (V2).
        if (buyerCountry === sellerCountry || !isEuMemberState(buyerCountry)) break;
        const country = countryName(buyerCountry, locale);
        const rate = formatRate(entry.vatRateBasisPoints, locale);
        const refs = DIRECTIVE.art58[locale];
        mentions.push(
          {
            fr: `TVA de l'État membre du client (${country}) au taux de ${rate}, déclarée au guichet unique OSS (${refs}).`,
            ro: `TVA a statului membru al clientului (${country}) la cota de ${rate}, declarată prin ghișeul unic OSS (${refs}).`,
            en: `VAT of the customer's Member State (${country}) at ${rate}, declared through the One-Stop Shop (OSS) (${refs}).`,
          }[locale],
        );
        break;
      }
      case 'O': {
        const business = isBusiness(doc.buyer);
        const refs = joinRefs(
          [business ? DIRECTIVE.art44 : DIRECTIVE.art59, business ? seller?.outsideEuBusiness : seller?.outsideEuIndividual],
          locale,
        );
        mentions.push(
          {
            fr: `TVA non applicable : prestation dont le lieu est situé hors de l'Union européenne (${refs}).`,
            ro: `TVA neaplicabilă: locul prestării este în afara Uniunii Europene (${refs}).`,
            en: `VAT not applicable: the place of supply is outside the European Union (${refs}).`,
          }[locale],
        );
        break;
      }
      case 'G': {
        const refs = joinRefs([DIRECTIVE.art146, seller?.export], locale);
        mentions.push(
          {
            fr: `Exonération de TVA : exportation hors de l'Union européenne (${refs}).`,
            ro: `Scutit de TVA: export în afara Uniunii Europene (${refs}).`,
            en: `Exempt from VAT: export outside the European Union (${refs}).`,
          }[locale],
        );
        break;
      }
      case 'K': {
        const refs = joinRefs([DIRECTIVE.art138, seller?.intraCommunitySupply], locale);
        mentions.push(
          {
            fr: `Exonération de TVA : livraison intracommunautaire (${refs}).`,
            ro: `Scutit de TVA: livrare intracomunitară de bunuri (${refs}).`,
            en: `Exempt from VAT: intra-community supply of goods (${refs}).`,
          }[locale],
        );
        break;
      }
      case 'E':
      case 'Z':
        if (entry.exemptionReason) {
          mentions.push(
            { fr: 'Exonération de TVA', ro: 'Scutit de TVA', en: 'Exempt from VAT' }[locale] + `: ${entry.exemptionReason}`,
          );
        }
        break;
    }
  }
  return mentions;
}

/**
 * Between businesses, a French invoice states its due date, the late-payment penalty rate, the flat
 * €40 recovery indemnity and the early-payment discount (Code de commerce L441-9 and L441-10). Obolus
 * applies the statutory default rate: the ECB's latest refinancing rate plus 10 percentage points.
 */
export function frenchPaymentMentions(doc: MentionedDocument): string[] {
  if (doc.kind !== 'invoice' || doc.seller.address.country !== 'FR' || !isBusiness(doc.buyer) || !doc.dueDate) return [];
  const due = formatDate(doc.dueDate, doc.locale);
  return {
    fr: [
      `Date d'échéance : ${due}. Pas d'escompte pour paiement anticipé (article L441-9 du Code de commerce).`,
      "Pénalités de retard, exigibles sans rappel dès le lendemain de l'échéance : taux de la plus récente opération de refinancement de la Banque centrale européenne majoré de 10 points de pourcentage (article L441-10 du Code de commerce).",
      'Indemnité forfaitaire pour frais de recouvrement de 40 € due de plein droit en cas de retard de paiement (articles L441-10 et D441-5 du Code de commerce).',
    ],
    ro: [
      `Data scadenței: ${due}. Nu se acordă sconto pentru plata anticipată (art. L441-9 din Codul comercial francez).`,
      'Penalități de întârziere, exigibile fără somație din ziua următoare scadenței: rata celei mai recente operațiuni de refinanțare a Băncii Centrale Europene plus 10 puncte procentuale (art. L441-10 din Codul comercial francez).',
      'Indemnizație forfetară pentru cheltuieli de recuperare de 40 EUR, datorată de drept în caz de întârziere la plată (art. L441-10 și D441-5 din Codul comercial francez).',
    ],
    en: [
      `Due date: ${due}. No discount for early payment (Article L441-9 of the French Commercial Code).`,
      "Late-payment penalties, due without reminder from the day after the due date: the European Central Bank's most recent refinancing rate plus 10 percentage points (Article L441-10 of the French Commercial Code).",
      'Fixed indemnity for recovery costs of €40, due by law on late payment (Articles L441-10 and D441-5 of the French Commercial Code).',
    ],
  }[doc.locale];
}

/** A Romanian invoice or credit note needs no signature or stamp (Codul fiscal art. 319 alin. (29)). */
export function romanianMentions(doc: MentionedDocument): string[] {
  if (doc.seller.address.country !== 'RO') return [];
  return [
    {
      fr: 'Document valable sans signature ni cachet (article 319 alinéa 29 du Code fiscal roumain).',
      ro: 'Factura circulă fără semnătură și ștampilă (art. 319 alin. (29) din Codul fiscal).',
      en: 'Valid without signature or stamp (Article 319(29) of the Romanian Fiscal Code).',
    }[doc.locale],
  ];
}

/** The generic case texts of @obolus/vat, which the VAT case mentions above replace with the seller's law. */
const GENERIC_TEXTS = new Set(Object.values(LEGAL_MENTIONS).flatMap((m) => [m.fr, m.ro, m.en]));

/** Every legal mention the document prints, in its language. */
export function legalMentions(doc: MentionedDocument): string[] {
  const stored = doc.legalMention && !GENERIC_TEXTS.has(doc.legalMention) ? [doc.legalMention] : [];
  return [...vatCaseMentions(doc), ...stored, ...frenchPaymentMentions(doc), ...romanianMentions(doc)];
}
