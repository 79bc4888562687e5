/**
 * The e-invoice document model, named after the EN 16931 business terms (BT-n) and groups (BG-n).
 *
 * Money amounts are bigint hundredths of the document currency (EN 16931 allows two decimals for
 * every amount). Quantities, unit prices and VAT rates are decimal strings, kept exactly as given.
 *
 * The same model serves both directions: `completeUblDocument` fills in the calculated parts
 * (line net amounts, VAT breakdown, totals) of a document Obolus issues; `parseUblXml` returns a
 * supplier's document with those parts as the supplier wrote them.
 */

export const CIUS_RO_CUSTOMIZATION_ID = 'urn:cen.eu:en16931:2017#compliant#urn:efactura.mfinante.ro:CIUS-RO:1.0.1';

/** UNCL 5305 VAT category codes used by EN 16931. */
export const VAT_CATEGORIES = ['S', 'Z', 'E', 'AE', 'K', 'G', 'O', 'L', 'M'] as const;
export type VatCategory = (typeof VAT_CATEGORIES)[number];

export type DocumentKind = 'invoice' | 'creditNote';

/** Hundredths of the document currency (BT-5), e.g. 1234n is 12.34. */
export type Cents = bigint;

export interface PostalAddress {
  street?: string; // BT-35 / BT-50 / BT-75
  additionalStreet?: string; // BT-36 / BT-51 / BT-76
  addressLine3?: string; // BT-162 / BT-163 / BT-165
  city?: string; // BT-37 / BT-52 / BT-77; SECTOR1..SECTOR6 in Bucharest
  postalCode?: string; // BT-38 / BT-53 / BT-78
  countrySubdivision?: string; // BT-39 / BT-54 / BT-79; ISO 3166-2:RO in Romania (RO-B, RO-CJ, ...)
  country?: string; // BT-40 / BT-55 / BT-80, ISO 3166-1 alpha-2
}

export interface SchemedId {
  id: string;
  scheme?: string;
}

export interface PartyContact {
  name?: string; // BT-41 / BT-56
  phone?: string; // BT-42 / BT-57
  email?: string; // BT-43 / BT-58
}

/**
 * Seller (BG-4) or buyer (BG-7).
 * Romanian identifiers: a VAT-registered company has `vatId` "RO" + CUI; a company not registered
 * for VAT puts its CUI (with or without "RO") in `legalRegistrationId` (seller: or in
 * `taxRegistrationId`); a person buying (B2C) has a CNP in `legalRegistrationId`, or
 * "0000000000000" when there is none. Foreign buyers: their VAT id, or no id for a consumer.
 */
export interface Party {
  name?: string; // BT-27 / BT-44, legal registration name
  tradingName?: string; // BT-28 / BT-45
  identifier?: SchemedId; // BT-29 / BT-46
  electronicAddress?: SchemedId; // BT-34 / BT-49
  vatId?: string; // BT-31 / BT-48, with its country prefix
  taxRegistrationId?: string; // BT-32 (seller only)
  legalRegistrationId?: string; // BT-30 / BT-47
  legalForm?: string; // BT-33 (seller only)
  address?: PostalAddress; // BG-5 / BG-8
  contact?: PartyContact; // BG-6 / BG-9
}

export interface VatClassification {
  category: VatCategory; // BT-151 / BT-95 / BT-102
  rate?: string; // BT-152 / BT-96 / BT-103, percent; absent for O
}

/** Line allowance (BG-27) or charge (BG-28). `amount` is calculated from base and percent when absent. */
export interface LineAdjustment {
  amount?: Cents; // BT-136 / BT-141
  baseAmount?: Cents; // BT-137 / BT-142
  percent?: string; // BT-138 / BT-143
  reason?: string; // BT-139 / BT-144
  reasonCode?: string; // BT-140 / BT-145
}

/** Document level allowance (BG-20) or charge (BG-21). */
export interface DocumentAdjustment extends LineAdjustment {
  vat: VatClassification;
}

export interface ItemClassification {
  code: string; // BT-158
  listId: string; // BT-158-1, e.g. STI (CPV), TSP (combined nomenclature)
}

export interface DocumentLine {
  id: string; // BT-126
  note?: string; // BT-127
  quantity: string; // BT-129
  unitCode: string; // BT-130, UN/ECE Rec 20 (H87, C62, MON, ...)
  netAmount?: Cents; // BT-131, calculated when absent
  period?: { start?: string; end?: string }; // BG-26
  orderLineReference?: string; // BT-132
  allowances?: LineAdjustment[]; // BG-27
  charges?: LineAdjustment[]; // BG-28
  item: {
    name: string; // BT-153
    description?: string; // BT-154
    sellerItemId?: string; // BT-155
    buyerItemId?: string; // BT-156
    standardItemId?: SchemedId; // BT-157
    classifications?: ItemClassification[]; // BT-158
    originCountry?: string; // BT-159
  };
  vat: VatClassification;
  price: {
    amount: string; // BT-146, net unit price, never negative (BR-27)
    baseQuantity?: string; // BT-149
    baseQuantityUnitCode?: string; // BT-150
  };
}

/** VAT breakdown (BG-23), one per category and rate. */
export interface VatBreakdown {
  category: VatCategory; // BT-118
  rate?: string; // BT-119
  taxableAmount: Cents; // BT-116
  taxAmount: Cents; // BT-117
  exemptionReason?: string; // BT-120
  exemptionReasonCode?: string; // BT-121, VATEX code list
}

/** Document totals (BG-22) and the VAT totals (BT-110, BT-111). */
export interface DocumentTotals {
  lineExtension: Cents; // BT-106
  allowanceTotal?: Cents; // BT-107, present when there are document allowances
  chargeTotal?: Cents; // BT-108, present when there are document charges
  taxExclusive: Cents; // BT-109
  taxTotal: Cents; // BT-110
  taxTotalInTaxCurrency?: Cents; // BT-111, in RON when the document currency is not RON
  taxInclusive: Cents; // BT-112
  prepaid?: Cents; // BT-113
  rounding?: Cents; // BT-114
  payable: Cents; // BT-115
}

export interface PaymentMeans {
  code: string; // BT-81, UNCL 4461 (30 credit transfer, 42 bank account, 48 card, 58 SEPA, ...)
  text?: string; // BT-82
  remittanceInformation?: string; // BT-83
  payeeAccount?: {
    id: string; // BT-84, IBAN
    name?: string; // BT-85
    providerId?: string; // BT-86, BIC
  };
}

export interface PrecedingInvoiceReference {
  id: string; // BT-25
  issueDate?: string; // BT-26
}

export interface SupportingDocument {
  id: string; // BT-122
  description?: string; // BT-123
}

export interface Delivery {
  date?: string; // BT-72
  partyName?: string; // BT-70
  locationId?: SchemedId; // BT-71
  address?: PostalAddress; // BG-15
}

export interface UblDocument {
  kind: DocumentKind;
  customizationId?: string; // BT-24; CIUS_RO_CUSTOMIZATION_ID when absent
  profileId?: string; // BT-23
  id: string; // BT-1
  issueDate: string; // BT-2, YYYY-MM-DD
  typeCode?: string; // BT-3; 380 for an invoice, 381 for a credit note when absent
  dueDate?: string; // BT-9
  taxPointDate?: string; // BT-7
  currency: string; // BT-5
  taxCurrency?: string; // BT-6; RON when the document currency is not RON (BR-RO-030)
  buyerReference?: string; // BT-10
  accountingReference?: string; // BT-19
  notes?: string[]; // BT-22
  invoicePeriod?: { start?: string; end?: string; taxPointDateCode?: string }; // BG-14, BT-8
  purchaseOrderReference?: string; // BT-13
  salesOrderReference?: string; // BT-14
  contractReference?: string; // BT-12
  precedingInvoices?: PrecedingInvoiceReference[]; // BG-3; a credit note names the invoice it corrects
  supportingDocuments?: SupportingDocument[]; // BG-24
  seller: Party; // BG-4
  buyer: Party; // BG-7
  delivery?: Delivery; // BG-13
  paymentMeans?: PaymentMeans[]; // BG-16
  paymentTerms?: string; // BT-20
  allowances?: DocumentAdjustment[]; // BG-20
  charges?: DocumentAdjustment[]; // BG-21
  lines: DocumentLine[]; // BG-25
  vatBreakdown?: VatBreakdown[]; // BG-23, calculated when absent
  totals?: Partial<DocumentTotals>; // BG-22, calculated when absent; parts given are kept, and checked

  /** Input only, not written to the XML: RON per unit of the document currency, for BT-111. */
  taxExchangeRate?: string;
  /** Input only: exemption reasons (BT-120, BT-121) per VAT category for the VAT breakdown. */
  vatExemptions?: { category: VatCategory; reason?: string; reasonCode?: string }[];
}

/** A document whose calculated parts are all present, as `completeUblDocument` returns it. */
export type CompleteUblDocument = UblDocument & {
  lines: (DocumentLine & { netAmount: Cents })[];
  vatBreakdown: VatBreakdown[];
  totals: DocumentTotals;
};
