/**
 * Invoice mentions for each VAT case (PRODUCT I5), in the three invoice languages.
 * Directive 2006/112/EC art. 226 (11a) requires the words "Reverse charge" on a reverse-charged
 * invoice, which the French and Romanian texts render as "Autoliquidation" and "Taxare inversă".
 * The French text cites CGI art. 259-1 (place of supply at the business customer's) rather than
 * art. 283-2, which governs the French customer's side of the same mechanism.
 */
export type LegalMentionKey = 'domestic' | 'reverse-charge-intra-eu' | 'oss-destination-rate' | 'outside-eu-not-subject';

export interface LegalMention {
  key: LegalMentionKey;
  fr: string;
  ro: string;
  en: string;
}

export const LEGAL_MENTIONS: Readonly<Record<LegalMentionKey, LegalMention>> = {
  domestic: {
    key: 'domestic',
    fr: 'TVA au taux normal du pays du vendeur.',
    ro: 'TVA la cota standard a țării vânzătorului.',
    en: "VAT at the standard rate of the seller's country.",
  },
  'reverse-charge-intra-eu': {
    key: 'reverse-charge-intra-eu',
    fr: 'Autoliquidation : TVA due par le preneur (article 196 de la directive 2006/112/CE ; article 259-1 du CGI).',
    ro: 'Taxare inversă: TVA se datorează de beneficiar (art. 196 din Directiva 2006/112/CE).',
    en: 'Reverse charge: VAT to be accounted for by the customer (Article 196 of Directive 2006/112/EC).',
  },
  'oss-destination-rate': {
    key: 'oss-destination-rate',
    fr: "TVA au taux de l'État membre du client, déclarée au guichet unique (OSS) (articles 58 et 369 ter de la directive 2006/112/CE).",
    ro: 'TVA la cota statului membru al clientului, declarată prin ghișeul unic (OSS) (art. 58 și 369b din Directiva 2006/112/CE).',
    en: "VAT at the rate of the customer's Member State, declared through the One-Stop Shop (OSS) (Articles 58 and 369b of Directive 2006/112/EC).",
  },
  'outside-eu-not-subject': {
    key: 'outside-eu-not-subject',
    fr: "TVA non applicable : prestation située hors de l'Union européenne (articles 44 et 59 de la directive 2006/112/CE ; article 259 du CGI).",
    ro: 'Operațiune nesupusă TVA în UE: locul prestării este în afara Uniunii Europene (art. 44 și 59 din Directiva 2006/112/CE).',
    en: 'VAT not applicable: the place of supply is outside the European Union (Articles 44 and 59 of Directive 2006/112/EC).',
  },
};
