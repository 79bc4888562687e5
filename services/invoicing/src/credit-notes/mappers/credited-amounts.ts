import { CreditNoteIssuedV1Data } from '@obolus/contracts';
import { computeInvoiceTotals, money } from '@obolus/money';
import { InvoiceEntity } from '../../invoices/entities/invoice.entity';

type Line = CreditNoteIssuedV1Data['lines'][number];
type Breakdown = CreditNoteIssuedV1Data['vatBreakdown'][number];

/** What a credit note credits: its lines, VAT breakdown and totals, as positive figures. */
export interface CreditedAmounts {
  lines: Line[];
  vatBreakdown: Breakdown[];
  totals: CreditNoteIssuedV1Data['totals'];
}

/** The invoice lines named by their position (0-based), each in full, with the invoice's VAT (EN 16931 rounding). */
export function creditLines(
  invoice: Pick<InvoiceEntity, 'lines' | 'vatBreakdown' | 'currency'>,
  indexes: number[],
): CreditedAmounts {
  const lines = [...new Set(indexes)].sort((a, b) => a - b).map((index) => invoice.lines[index]!);
  return withTotals(invoice, lines);
}

/** The whole invoice. */
export function creditAll(invoice: Pick<InvoiceEntity, 'lines' | 'vatBreakdown' | 'currency'>): CreditedAmounts {
  return withTotals(invoice, invoice.lines);
}

/**
 * An amount refunded, VAT included, credited exactly to the cent (never rounded away). The whole invoice
 * when it is its total; one line when it is that line with its VAT; otherwise one line per the invoice's
 * VAT rate (a subscription invoice has one) whose net is the amount without VAT. When no net gives the
 * amount under the usual rounding (at 20 % some totals fall between two nets), the VAT is the amount
 * less the net, within the one-unit tolerance of EN 16931 rule BR-CO-17.
 */
export function creditAmount(
  invoice: Pick<InvoiceEntity, 'lines' | 'vatBreakdown' | 'currency' | 'number' | 'totals'>,
  grossMinor: number,
  description: string,
): CreditedAmounts {
  if (grossMinor === invoice.totals.grossMinor) return creditAll(invoice);
  const single = invoice.lines.findIndex((_, index) => creditLines(invoice, [index]).totals.grossMinor === grossMinor);
  if (single >= 0) return creditLines(invoice, [single]);
  const [first] = invoice.lines;
  const rate = first!.vatRateBasisPoints;
  const netMinor = netOf(grossMinor, rate, invoice.currency);
  const line: Line = {
    description: description.slice(0, 200),
    quantity: 1,
    unitPriceMinor: netMinor,
    netMinor,
    vatCategory: first!.vatCategory,
    vatRateBasisPoints: rate,
  };
  const exemption = exemptionOf(invoice, line);
  return {
    lines: [line],
    vatBreakdown: [
      {
        vatCategory: line.vatCategory,
        vatRateBasisPoints: rate,
        taxableMinor: netMinor,
        taxMinor: grossMinor - netMinor,
        ...exemption,
      },
    ],
    totals: { netMinor, vatMinor: grossMinor - netMinor, grossMinor, paidMinor: 0, payableMinor: grossMinor },
  };
}

/** The net whose VAT brings it to `grossMinor` under the usual rounding, or the nearest net when none does. */
function netOf(grossMinor: number, rateBasisPoints: number, currency: string): number {
  const estimate = Math.round((grossMinor * 10_000) / (10_000 + rateBasisPoints));
  for (const candidate of [estimate, estimate - 1, estimate + 1]) {
    if (candidate >= 0 && grossOf(candidate, rateBasisPoints, currency) === grossMinor) return candidate;
  }
  return estimate;
}

function grossOf(netMinor: number, rateBasisPoints: number, currency: string): number {
  const totals = computeInvoiceTotals([{ netAmount: money(netMinor, currency), categoryCode: 'S', rateBasisPoints }], currency);
  return totals.taxInclusiveAmount.amountMinor;
}

function withTotals(invoice: Pick<InvoiceEntity, 'vatBreakdown' | 'currency'>, lines: Line[]): CreditedAmounts {
  const totals = computeInvoiceTotals(
    lines.map((line) => ({
      netAmount: money(line.netMinor, invoice.currency),
      categoryCode: line.vatCategory,
      rateBasisPoints: line.vatRateBasisPoints,
    })),
    invoice.currency,
  );
  const vatBreakdown = totals.breakdown.map((entry) => ({
    vatCategory: entry.categoryCode,
    vatRateBasisPoints: entry.rateBasisPoints,
    taxableMinor: entry.taxableAmount.amountMinor,
    taxMinor: entry.taxAmount.amountMinor,
    ...exemptionOf(invoice, { vatCategory: entry.categoryCode, vatRateBasisPoints: entry.rateBasisPoints }),
  }));
  const grossMinor = totals.taxInclusiveAmount.amountMinor;
  return {
    lines: lines.map((line) => ({ ...line })),
    vatBreakdown,
    totals: {
      netMinor: totals.taxExclusiveAmount.amountMinor,
      vatMinor: totals.vatTotal.amountMinor,
      grossMinor,
      paidMinor: 0,
      payableMinor: grossMinor,
    },
  };
}

/** The invoice's exemption reason for a category and rate (reverse charge, export), carried to the credit note. */
function exemptionOf(
  invoice: Pick<InvoiceEntity, 'vatBreakdown'>,
  key: Pick<Line, 'vatCategory' | 'vatRateBasisPoints'>,
): Pick<Breakdown, 'exemptionReasonCode' | 'exemptionReason'> {
  const entry = invoice.vatBreakdown.find(
    (b) => b.vatCategory === key.vatCategory && b.vatRateBasisPoints === key.vatRateBasisPoints,
  );
  return {
    ...(entry?.exemptionReasonCode ? { exemptionReasonCode: entry.exemptionReasonCode } : {}),
    ...(entry?.exemptionReason ? { exemptionReason: entry.exemptionReason } : {}),
  };
}
