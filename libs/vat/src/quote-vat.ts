import { IsoDate } from '@obolus/calendar';
import { EuMemberState, isEuMemberState, normaliseCountry } from './eu-countries';
import { LEGAL_MENTIONS, LegalMention } from './legal-mentions';
import { standardRate } from './rates/standard-rate';
import { VatError } from './vat-error';

export type BuyerType = 'business' | 'individual';

export interface VatQuoteInput {
  /** ISO 3166-1 alpha-2 (EL is read as GR). The seller must be established in the EU. */
  sellerCountry: string;
  buyerCountry: string;
  /** PRODUCT V2: a buyer who does not state that it is a business is an individual. */
  buyerType?: BuyerType;
  /** True only once VIES has confirmed the buyer's VAT number (V3). */
  vatIdVerified?: boolean;
  /** The tax point (chargeable event) date, a calendar date in the seller's time zone. */
  taxPointDate: IsoDate;
}

/** EN 16931 VAT category codes (UNCL5305) that Obolus issues. */
export type VatCategoryCode = 'S' | 'AE' | 'O';

export type VatTreatment = 'domestic' | 'intra-eu-reverse-charge' | 'intra-eu-b2c-oss' | 'outside-eu';

export interface VatQuote {
  /** BT-151 / BT-118 */
  category: VatCategoryCode;
  /** Percent for display and JSON (21, 25.5, 0); use rateBasisPoints for arithmetic. */
  ratePercent: number;
  rateBasisPoints: number;
  /** Member state whose rate applies, or null when no VAT is charged. */
  rateCountry: EuMemberState | null;
  treatment: VatTreatment;
  mention: LegalMention;
  /** BT-121, the VATEX code for a zero-VAT category, as CEF publishes it. */
  exemptionReasonCode: 'VATEX-EU-AE' | 'VATEX-EU-O' | null;
  taxPointDate: IsoDate;
  rateSource: string | null;
}

/**
 * The VAT of a sale of electronically supplied services (PRODUCT V2-V4):
 * - buyer in the seller's country: domestic standard rate, business or not;
 * - buyer in another member state, a business whose VAT number VIES has verified: reverse charge
 *   (AE, 0%; Directive 2006/112/EC art. 44 and 196);
 * - any other EU buyer, including a business whose number is not verified yet (V3): the buyer
 *   country's standard rate through OSS (art. 58);
 * - buyer outside the EU: not subject (O), the place of supply being outside the EU.
 * The EUR 10,000 micro-business threshold of art. 59c is not applied: Obolus sellers use OSS.
 */
export function quoteVat(input: VatQuoteInput): VatQuote {
  const seller = normaliseCountry(input.sellerCountry, 'sellerCountry');
  const buyer = normaliseCountry(input.buyerCountry, 'buyerCountry');
  if (!isEuMemberState(seller)) {
    throw new VatError('SELLER_NOT_IN_EU', `Seller country ${seller} is not an EU member state`, [
      { field: 'sellerCountry', reason: 'an EU member state' },
    ]);
  }
  const buyerType = input.buyerType ?? 'individual';
  if (buyerType !== 'business' && buyerType !== 'individual') {
    throw new VatError('INVALID_BUYER_TYPE', `Buyer type '${String(buyerType)}' is neither business nor individual`, [
      { field: 'buyerType', reason: "'business' or 'individual'" },
    ]);
  }
  // Validates the date even where no rate is needed, so a bad input never passes silently.
  const sellerRate = standardRate(seller, input.taxPointDate);

  if (!isEuMemberState(buyer)) {
    return {
      category: 'O',
      ratePercent: 0,
      rateBasisPoints: 0,
      rateCountry: null,
      treatment: 'outside-eu',
      mention: LEGAL_MENTIONS['outside-eu-not-subject'],
      exemptionReasonCode: 'VATEX-EU-O',
      taxPointDate: input.taxPointDate,
      rateSource: null,
    };
  }
  if (buyer === seller) {
    return charged(sellerRate, 'domestic', input.taxPointDate);
  }
  if (buyerType === 'business' && input.vatIdVerified === true) {
    return {
      category: 'AE',
      ratePercent: 0,
      rateBasisPoints: 0,
      rateCountry: null,
      treatment: 'intra-eu-reverse-charge',
      mention: LEGAL_MENTIONS['reverse-charge-intra-eu'],
      exemptionReasonCode: 'VATEX-EU-AE',
      taxPointDate: input.taxPointDate,
      rateSource: null,
    };
  }
  return charged(standardRate(buyer, input.taxPointDate), 'intra-eu-b2c-oss', input.taxPointDate);
}

function charged(
  rate: ReturnType<typeof standardRate>,
  treatment: 'domestic' | 'intra-eu-b2c-oss',
  taxPointDate: IsoDate,
): VatQuote {
  return {
    category: 'S',
    ratePercent: Number(rate.ratePercent),
    rateBasisPoints: rate.rateBasisPoints,
    rateCountry: rate.country,
    treatment,
    mention: LEGAL_MENTIONS[treatment === 'domestic' ? 'domestic' : 'oss-destination-rate'],
    exemptionReasonCode: null,
    taxPointDate,
    rateSource: rate.source,
  };
}
