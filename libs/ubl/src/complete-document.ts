import { canonicalDecimal, decimalOrThrow, divideRounded, pow10, ScaledDecimal } from './decimal';
import { findInputProblems, findTotalsProblems } from './document-checks';
import { UblDocumentRejectedError } from './errors';
import {
  CIUS_RO_CUSTOMIZATION_ID,
  Cents,
  CompleteUblDocument,
  DocumentAdjustment,
  DocumentLine,
  DocumentTotals,
  LineAdjustment,
  UblDocument,
  VatBreakdown,
  VatCategory,
  VatClassification,
} from './model';

/**
 * EN 16931 calculation: line net amounts rounded to two decimals, VAT per category and rate on the
 * category's taxable base, document totals summed from those rounded parts. Amounts already
 * present are kept as given (a supplier's document is not recalculated), then checked to add up.
 */

/** Default exemption reasons for the categories whose breakdown must carry one (BR-AE-10, BR-IC-10, BR-G-10, BR-O-10). */
const DEFAULT_EXEMPTIONS: Partial<Record<VatCategory, { reason: string; reasonCode: string }>> = {
  AE: { reasonCode: 'VATEX-EU-AE', reason: 'Reverse charge' },
  K: { reasonCode: 'VATEX-EU-IC', reason: 'Intra-community supply' },
  G: { reasonCode: 'VATEX-EU-G', reason: 'Export outside the EU' },
  O: { reasonCode: 'VATEX-EU-O', reason: 'Not subject to VAT' },
};

const ONE: ScaledDecimal = { coefficient: 1n, scale: 0 };

/** qty x price / base quantity, in hundredths, rounded half away from zero. */
export function lineGrossAmount(line: Pick<DocumentLine, 'quantity' | 'price'>): Cents {
  const quantity = decimalOrThrow(line.quantity);
  const price = decimalOrThrow(line.price.amount);
  const base = line.price.baseQuantity === undefined ? ONE : decimalOrThrow(line.price.baseQuantity);
  const numerator = quantity.coefficient * price.coefficient * pow10(base.scale) * 100n;
  const denominator = base.coefficient * pow10(quantity.scale + price.scale);
  return divideRounded(numerator, denominator);
}

/** base x percent / 100, in hundredths. */
export function percentOf(base: Cents, percent: string): Cents {
  const rate = decimalOrThrow(percent);
  return divideRounded(base * rate.coefficient, 100n * pow10(rate.scale));
}

function completeAdjustment<T extends LineAdjustment>(adjustment: T, defaultBase: Cents): T & { amount: Cents } {
  if (adjustment.amount !== undefined) return adjustment as T & { amount: Cents };
  const baseAmount = adjustment.baseAmount ?? defaultBase;
  return { ...adjustment, baseAmount, amount: percentOf(baseAmount, adjustment.percent!) };
}

const sum = (values: Cents[]): Cents => values.reduce((a, b) => a + b, 0n);

function vatKey(vat: VatClassification): string {
  return vat.rate === undefined ? vat.category : `${vat.category}:${canonicalDecimal(decimalOrThrow(vat.rate))}`;
}

function nonEmpty<T>(items: T[] | undefined): T[] | undefined {
  return items && items.length > 0 ? items : undefined;
}

/** Drops undefined properties, so a completed document and its parsed XML compare equal. */
function withoutUndefined<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) if (value[key] === undefined) delete value[key];
  return value;
}

function completeLine(line: DocumentLine): DocumentLine & { netAmount: Cents } {
  const gross = lineGrossAmount(line);
  const allowances = nonEmpty(line.allowances?.map((a) => completeAdjustment(a, gross)));
  const charges = nonEmpty(line.charges?.map((c) => completeAdjustment(c, gross)));
  const netAmount =
    line.netAmount ?? gross + sum((charges ?? []).map((c) => c.amount)) - sum((allowances ?? []).map((a) => a.amount));
  return withoutUndefined({ ...line, allowances, charges, netAmount });
}

function calculateVatBreakdown(
  doc: UblDocument,
  lines: (DocumentLine & { netAmount: Cents })[],
  allowances: (DocumentAdjustment & { amount: Cents })[],
  charges: (DocumentAdjustment & { amount: Cents })[],
): VatBreakdown[] {
  const groups = new Map<string, { vat: VatClassification; taxable: Cents }>();
  const add = (vat: VatClassification, amount: Cents) => {
    const key = vatKey(vat);
    const group = groups.get(key) ?? { vat, taxable: 0n };
    group.taxable += amount;
    groups.set(key, group);
  };
  for (const line of lines) add(line.vat, line.netAmount);
  for (const charge of charges) add(charge.vat, charge.amount);
  for (const allowance of allowances) add(allowance.vat, -allowance.amount);
  return [...groups.values()].map(({ vat, taxable }) => {
    const taxAmount = vat.category === 'S' || vat.category === 'L' || vat.category === 'M' ? percentOf(taxable, vat.rate!) : 0n;
    const given = doc.vatExemptions?.find((e) => e.category === vat.category);
    const exemption = given ?? DEFAULT_EXEMPTIONS[vat.category];
    return withoutUndefined<VatBreakdown>({
      category: vat.category,
      rate: vat.rate,
      taxableAmount: taxable,
      taxAmount,
      exemptionReason: exemption?.reason || undefined,
      exemptionReasonCode: exemption?.reasonCode || undefined,
    });
  });
}

function calculateTotals(
  doc: UblDocument,
  lines: (DocumentLine & { netAmount: Cents })[],
  allowances: { amount: Cents }[],
  charges: { amount: Cents }[],
  breakdown: VatBreakdown[],
  taxCurrency: string | undefined,
): DocumentTotals {
  const given: Partial<DocumentTotals> = doc.totals ?? {};
  const lineExtension = sum(lines.map((l) => l.netAmount));
  const allowanceTotal = allowances.length > 0 ? sum(allowances.map((a) => a.amount)) : undefined;
  const chargeTotal = charges.length > 0 ? sum(charges.map((c) => c.amount)) : undefined;
  const taxExclusive = lineExtension - (allowanceTotal ?? 0n) + (chargeTotal ?? 0n);
  const taxTotal = sum(breakdown.map((b) => b.taxAmount));
  const taxInclusive = taxExclusive + taxTotal;
  const payable = taxInclusive - (given.prepaid ?? 0n) + (given.rounding ?? 0n);
  let taxTotalInTaxCurrency = given.taxTotalInTaxCurrency;
  if (taxTotalInTaxCurrency === undefined && taxCurrency !== undefined && doc.taxExchangeRate !== undefined) {
    const rate = decimalOrThrow(doc.taxExchangeRate);
    taxTotalInTaxCurrency = divideRounded(taxTotal * rate.coefficient, pow10(rate.scale));
  }
  return withoutUndefined<DocumentTotals>({
    lineExtension,
    allowanceTotal,
    chargeTotal,
    taxExclusive,
    taxTotal,
    taxTotalInTaxCurrency,
    taxInclusive,
    prepaid: given.prepaid,
    rounding: given.rounding,
    payable,
  });
}

/**
 * Checks a document and fills in its calculated parts. Throws UblDocumentRejectedError, naming
 * each field at fault, when the document cannot become a valid CIUS-RO document.
 * Idempotent: a completed document comes back unchanged.
 */
export function completeUblDocument(doc: UblDocument): CompleteUblDocument {
  const inputProblems = findInputProblems(doc);
  if (inputProblems.length > 0) throw new UblDocumentRejectedError(inputProblems);

  const lines = doc.lines.map(completeLine);
  const lineExtension = sum(lines.map((l) => l.netAmount));
  const allowances = (doc.allowances ?? []).map((a) => completeAdjustment(a, lineExtension));
  const charges = (doc.charges ?? []).map((c) => completeAdjustment(c, lineExtension));
  const vatBreakdown = doc.vatBreakdown ?? calculateVatBreakdown(doc, lines, allowances, charges);
  const taxCurrency = doc.taxCurrency ?? (doc.currency !== 'RON' ? 'RON' : undefined);
  // Paid amount, rounding and the RON VAT total are inputs; everything else follows from the lines.
  const inputs = {
    prepaid: doc.totals?.prepaid,
    rounding: doc.totals?.rounding,
    taxTotalInTaxCurrency: doc.totals?.taxTotalInTaxCurrency,
  };
  const expected = calculateTotals(
    { ...doc, totals: inputs as DocumentTotals },
    lines,
    allowances,
    charges,
    vatBreakdown,
    taxCurrency,
  );
  const totals = withoutUndefined({ ...expected, ...doc.totals });

  const { taxExchangeRate: _rate, vatExemptions: _exemptions, ...rest } = doc;
  const complete = withoutUndefined({
    ...rest,
    customizationId: doc.customizationId ?? CIUS_RO_CUSTOMIZATION_ID,
    typeCode: doc.typeCode ?? (doc.kind === 'creditNote' ? '381' : '380'),
    taxCurrency,
    notes: nonEmpty(doc.notes),
    precedingInvoices: nonEmpty(doc.precedingInvoices),
    supportingDocuments: nonEmpty(doc.supportingDocuments),
    paymentMeans: nonEmpty(doc.paymentMeans),
    allowances: nonEmpty(allowances),
    charges: nonEmpty(charges),
    lines,
    vatBreakdown,
    totals,
  }) as CompleteUblDocument;

  const totalProblems = findTotalsProblems(complete, expected);
  if (totalProblems.length > 0) throw new UblDocumentRejectedError(totalProblems);
  return complete;
}
