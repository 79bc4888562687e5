import { Locale } from '@obolus/contracts';
import { countryName } from './locale-format';

/** Invoice and credit note wording in each language Obolus issues in (I5). */
export interface DocumentLabels {
  /** Between a label and its value: French sets a space before the colon. */
  colon: string;
  invoice: string;
  creditNote: string;
  /** Romanian invoices name their series and number apart (Codul fiscal art. 319 alin. (20) lit. a). */
  seriesAndNumber: string;
  issueDate: string;
  taxPointDate: string;
  dueDate: string;
  originalInvoice: string;
  reason: string;
  reasons: Record<'refund' | 'correction', string>;
  seller: string;
  buyer: string;
  vatId: string;
  companyId: string;
  tradeRegister: string;
  description: string;
  quantity: string;
  unitPrice: string;
  net: string;
  vatRate: string;
  vatBreakdown: string;
  taxable: string;
  vat: string;
  totalNet: string;
  totalVat: string;
  totalGross: string;
  totalCredited: string;
  paid: string;
  payable: string;
  legalMentions: string;
}

export const DOCUMENT_LABELS: Readonly<Record<Locale, DocumentLabels>> = {
  fr: {
    colon: ' : ',
    invoice: 'Facture',
    creditNote: 'Avoir',
    seriesAndNumber: 'Série {series}, n° {sequence}',
    issueDate: 'Date de facturation',
    taxPointDate: 'Date du fait générateur',
    dueDate: "Date d'échéance",
    originalInvoice: "Facture d'origine : {number} du {date}",
    reason: 'Motif',
    reasons: { refund: 'Remboursement', correction: 'Correction de la facture' },
    seller: 'Vendeur',
    buyer: 'Client',
    vatId: 'N° TVA intracommunautaire',
    companyId: 'N° d’identification',
    tradeRegister: 'Immatriculation',
    description: 'Désignation',
    quantity: 'Qté',
    unitPrice: 'Prix unitaire HT',
    net: 'Montant HT',
    vatRate: 'TVA',
    vatBreakdown: 'Détail de la TVA',
    taxable: 'Base HT',
    vat: 'TVA',
    totalNet: 'Total HT',
    totalVat: 'Total TVA',
    totalGross: 'Total TTC',
    totalCredited: "Total de l'avoir TTC",
    paid: 'Payée le {date} par {method}',
    payable: 'Reste à payer',
    legalMentions: 'Mentions légales',
  },
  ro: {
    colon: ': ',
    invoice: 'Factură',
    creditNote: 'Factură de stornare',
    seriesAndNumber: 'Seria {series} nr. {sequence}',
    issueDate: 'Data emiterii',
    taxPointDate: 'Data livrării / exigibilității TVA',
    dueDate: 'Data scadenței',
    originalInvoice: 'Factura stornată: {number} din {date}',
    reason: 'Motivul',
    reasons: { refund: 'Restituire', correction: 'Corectarea facturii' },
    seller: 'Furnizor',
    buyer: 'Cumpărător',
    vatId: 'Cod de înregistrare în scopuri de TVA',
    companyId: 'Cod de identificare',
    tradeRegister: 'Nr. Reg. Com.',
    description: 'Denumire',
    quantity: 'Cant.',
    unitPrice: 'Preț unitar fără TVA',
    net: 'Valoare fără TVA',
    vatRate: 'Cotă TVA',
    vatBreakdown: 'Defalcare TVA',
    taxable: 'Bază de impozitare',
    vat: 'TVA',
    totalNet: 'Total fără TVA',
    totalVat: 'Total TVA',
    totalGross: 'Total cu TVA',
    totalCredited: 'Total stornat cu TVA',
    paid: 'Achitată la {date} prin {method}',
    payable: 'Rest de plată',
    legalMentions: 'Mențiuni legale',
  },
  en: {
    colon: ': ',
    invoice: 'Invoice',
    creditNote: 'Credit note',
    seriesAndNumber: 'Series {series}, no. {sequence}',
    issueDate: 'Issue date',
    taxPointDate: 'Tax point date',
    dueDate: 'Due date',
    originalInvoice: 'Original invoice: {number} of {date}',
    reason: 'Reason',
    reasons: { refund: 'Refund', correction: 'Correction of the invoice' },
    seller: 'Seller',
    buyer: 'Bill to',
    vatId: 'VAT ID',
    companyId: 'Company ID',
    tradeRegister: 'Trade register no.',
    description: 'Description',
    quantity: 'Qty',
    unitPrice: 'Unit price (net)',
    net: 'Net amount',
    vatRate: 'VAT',
    vatBreakdown: 'VAT breakdown',
    taxable: 'Taxable amount',
    vat: 'VAT',
    totalNet: 'Total net',
    totalVat: 'Total VAT',
    totalGross: 'Total',
    totalCredited: 'Total credited',
    paid: 'Paid on {date} by {method}',
    payable: 'Amount due',
    legalMentions: 'Legal notices',
  },
};

/**
 * The name of a party's registration number where its country has one (SIREN in France, CUI/CIF in
 * Romania, CNP for a Romanian individual), otherwise the language's generic label.
 */
export function companyIdLabel(country: string, individual: boolean, locale: Locale): string {
  if (country === 'FR') return 'SIREN';
  if (country === 'RO') return individual ? 'CNP' : 'CUI/CIF';
  return DOCUMENT_LABELS[locale].companyId;
}

/** EN 16931 VAT categories (UNCL5305) in words, never as their codes (I5). */
export const VAT_CATEGORY_WORDS: Readonly<Record<Locale, Readonly<Record<string, string>>>> = {
  fr: {
    S: 'Taux normal',
    Z: 'Taux zéro',
    E: 'Exonération de TVA',
    AE: 'Autoliquidation',
    K: 'Livraison intracommunautaire exonérée',
    G: "Exportation hors de l'UE exonérée",
    O: 'Hors du champ de la TVA',
    L: 'IGIC (îles Canaries)',
    M: 'IPSI (Ceuta et Melilla)',
  },
  ro: {
    S: 'Cota standard',
    Z: 'Cota zero',
    E: 'Scutit de TVA',
    AE: 'Taxare inversă',
    K: 'Livrare intracomunitară scutită',
    G: 'Export în afara UE, scutit',
    O: 'În afara sferei de aplicare a TVA',
    L: 'IGIC (Insulele Canare)',
    M: 'IPSI (Ceuta și Melilla)',
  },
  en: {
    S: 'Standard rate',
    Z: 'Zero rate',
    E: 'Exempt from VAT',
    AE: 'Reverse charge',
    K: 'Intra-community supply, exempt',
    G: 'Export outside the EU, exempt',
    O: 'Outside the scope of VAT',
    L: 'IGIC (Canary Islands)',
    M: 'IPSI (Ceuta and Melilla)',
  },
};

/**
 * A VAT category in words; a standard rate charged for another member state (OSS) names that state,
 * so "Taux normal (Allemagne)" is not read as the French rate.
 */
export function vatCategoryInWords(category: string, sellerCountry: string, buyerCountry: string, locale: Locale): string {
  const words = wordFor(VAT_CATEGORY_WORDS[locale], category) ?? category;
  return category === 'S' && buyerCountry !== sellerCountry ? `${words} (${countryName(buyerCountry, locale)})` : words;
}

export const PAYMENT_METHOD_LABELS: Readonly<Record<Locale, Readonly<Record<string, string>>>> = {
  fr: {
    card: 'carte bancaire',
    sepa_debit: 'prélèvement SEPA',
    ach_debit: 'prélèvement ACH',
    bank_transfer: 'virement',
    paypal: 'PayPal',
  },
  ro: {
    card: 'card bancar',
    sepa_debit: 'debit direct SEPA',
    ach_debit: 'debit direct ACH',
    bank_transfer: 'ordin de plată',
    paypal: 'PayPal',
  },
  en: { card: 'card', sepa_debit: 'SEPA Direct Debit', ach_debit: 'ACH debit', bank_transfer: 'bank transfer', paypal: 'PayPal' },
};

/** Own-property lookup, so a category or method named "constructor" finds nothing. */
export const wordFor = (words: Readonly<Record<string, string>>, key: string): string | undefined =>
  Object.prototype.hasOwnProperty.call(words, key) ? words[key] : undefined;
