import { Locale } from '@obolus/contracts';
import { computeInvoiceTotals, money } from '@obolus/money';
import { BuyerType, quoteVat, VatQuote } from '@obolus/vat';

export interface DraftLineInput {
  description: string;
  quantity: number;
  unitPriceMinor: number;
}

export interface PricedLine extends DraftLineInput {
  netMinor: number;
  vatCategory: string;
  vatRateBasisPoints: number;
}

export interface PricedBreakdown {
  vatCategory: string;
  vatRateBasisPoints: number;
  taxableMinor: number;
  taxMinor: number;
  exemptionReasonCode?: string;
  exemptionReason?: string;
}

export interface PricedDraft {
  lines: PricedLine[];
  vatBreakdown: PricedBreakdown[];
  totals: { netMinor: number; vatMinor: number; grossMinor: number };
  vat: VatQuote;
}

export interface PriceDraftInput {
  sellerCountry: string;
  buyerCountry: string;
  buyerType: BuyerType;
  vatIdVerified: boolean;
  taxPointDate: string;
  currency: string;
  locale: Locale;
  lines: DraftLineInput[];
}

/**
 * What the customer pays: the VAT case from the seller's and buyer's situation on the tax point date
 * (V2, V4), then EN 16931 rounding: each line, then VAT per category and rate, then the totals.
 */
export function priceDraft(input: PriceDraftInput): PricedDraft {
  const vat = quoteVat({
    sellerCountry: input.sellerCountry,
    buyerCountry: input.buyerCountry,
    buyerType: input.buyerType,
    vatIdVerified: input.vatIdVerified,
    taxPointDate: input.taxPointDate,
  });
  const lines: PricedLine[] = input.lines.map((line) => ({
    ...line,
    netMinor: money(line.quantity * line.unitPriceMinor, input.currency).amountMinor,
    vatCategory: vat.category,
    vatRateBasisPoints: vat.rateBasisPoints,
  }));
  const totals = computeInvoiceTotals(
    lines.map((line) => ({
      netAmount: money(line.netMinor, input.currency),
      categoryCode: line.vatCategory,
      rateBasisPoints: line.vatRateBasisPoints,
    })),
    input.currency,
  );
  const exemption = vat.exemptionReasonCode
    ? { exemptionReasonCode: vat.exemptionReasonCode, exemptionReason: vat.mention[input.locale] }
    : {};
  return {
    lines,
    vatBreakdown: totals.breakdown.map((entry) => ({
      vatCategory: entry.categoryCode,
      vatRateBasisPoints: entry.rateBasisPoints,
      taxableMinor: entry.taxableAmount.amountMinor,
      taxMinor: entry.taxAmount.amountMinor,
      ...exemption,
    })),
    totals: {
      netMinor: totals.taxExclusiveAmount.amountMinor,
      vatMinor: totals.vatTotal.amountMinor,
      grossMinor: totals.taxInclusiveAmount.amountMinor,
    },
    vat,
  };
}
