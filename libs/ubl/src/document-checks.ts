import { isDecimalString, parseDecimal } from './decimal';
import { FieldProblem } from './errors';
import {
  CIUS_RO_CUSTOMIZATION_ID,
  CompleteUblDocument,
  LineAdjustment,
  Party,
  PostalAddress,
  UblDocument,
  VAT_CATEGORIES,
  VatCategory,
  VatClassification,
} from './model';
import { BUCHAREST_SECTORS, ROMANIAN_COUNTY_CODES, isRomanianVatIdFormat } from './romania';

/**
 * Checks made before any XML is written, so that a document that cannot pass the UBL XSD and the
 * CIUS-RO schematron is refused with the field at fault. Each check cites the official rule it
 * mirrors; the schematron stays the authority (CiusRoValidator).
 */

const INVOICE_TYPE_CODES = new Set(['380', '384', '389', '751']); // BR-RO-020
const CREDIT_NOTE_TYPE_CODES = new Set(['381']);
const TAX_POINT_DATE_CODES = new Set(['3', '35', '432']); // BR-RO-040
const ZERO_RATED: ReadonlySet<VatCategory> = new Set(['Z', 'E', 'AE', 'K', 'G']);
const IN_VAT_SCOPE: ReadonlySet<VatCategory> = new Set(['S', 'Z', 'E', 'AE', 'K', 'G', 'L', 'M']);
const CATEGORIES: ReadonlySet<string> = new Set(VAT_CATEGORIES);

class ProblemList {
  readonly problems: FieldProblem[] = [];
  add(field: string, reason: string, ruleId?: string): void {
    this.problems.push(ruleId ? { field, reason: `${reason} (${ruleId})`, ruleId } : { field, reason });
  }
}

export function isIsoDate(text: string | undefined): boolean {
  if (!text || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

const blank = (text: string | undefined): boolean => !text || text.trim() === '';

/** Problems of the document as given, before any amount is calculated. */
export function findInputProblems(doc: UblDocument): FieldProblem[] {
  const list = new ProblemList();
  checkHeader(doc, list);
  checkParty(doc.seller, 'seller', list);
  checkParty(doc.buyer, 'buyer', list);
  checkLines(doc, list);
  checkDocumentAdjustments(doc, list);
  checkVatRules(doc, list);
  checkDeliveryAndPayment(doc, list);
  return list.problems;
}

function checkDate(list: ProblemList, field: string, value: string | undefined, ruleId: string, required = false): void {
  if (value === undefined) {
    if (required) list.add(field, 'is required', ruleId);
    return;
  }
  if (!isIsoDate(value)) list.add(field, `'${value}' is not a date formatted YYYY-MM-DD`, ruleId);
}

function checkHeader(doc: UblDocument, list: ProblemList): void {
  if (doc.kind !== 'invoice' && doc.kind !== 'creditNote') list.add('kind', "must be 'invoice' or 'creditNote'");
  if (doc.customizationId !== undefined && doc.customizationId !== CIUS_RO_CUSTOMIZATION_ID) {
    list.add('customizationId', `must be ${CIUS_RO_CUSTOMIZATION_ID} or absent`, 'BR-RO-001');
  }
  if (blank(doc.id)) list.add('id', 'is required', 'BR-02');
  else if (!/[0-9]/.test(doc.id)) list.add('id', 'must contain at least one digit', 'BR-RO-010');
  else if (doc.id.trim().length > 200) list.add('id', 'is longer than 200 characters', 'BR-RO-L155');
  checkDate(list, 'issueDate', doc.issueDate, 'BR-RO-DT001', true);
  checkDate(list, 'dueDate', doc.dueDate, 'BR-RO-DT003');
  checkDate(list, 'taxPointDate', doc.taxPointDate, 'BR-RO-DT002');
  if (doc.typeCode !== undefined) {
    const allowed = doc.kind === 'creditNote' ? CREDIT_NOTE_TYPE_CODES : INVOICE_TYPE_CODES;
    if (!allowed.has(doc.typeCode))
      list.add('typeCode', `'${doc.typeCode}' is not one of ${[...allowed].join(', ')}`, 'BR-RO-020');
  }
  if (!/^[A-Z]{3}$/.test(doc.currency ?? '')) list.add('currency', 'must be an ISO 4217 code such as RON or EUR', 'BR-05');
  if (doc.taxCurrency !== undefined && !/^[A-Z]{3}$/.test(doc.taxCurrency)) list.add('taxCurrency', 'must be an ISO 4217 code');
  if (doc.currency !== 'RON') {
    if (doc.taxCurrency !== undefined && doc.taxCurrency !== 'RON') {
      list.add('taxCurrency', 'must be RON when the document currency is not RON', 'BR-RO-030');
    }
    if (doc.totals?.taxTotalInTaxCurrency === undefined && doc.taxExchangeRate === undefined) {
      list.add(
        'taxExchangeRate',
        `is required for a document in ${doc.currency}: the VAT total must also be given in RON`,
        'BR-RO-030',
      );
    }
  }
  if (doc.taxExchangeRate !== undefined) {
    const rate = parseDecimal(doc.taxExchangeRate);
    if (!rate || rate.coefficient <= 0n) list.add('taxExchangeRate', 'must be a positive decimal');
  }
  const notes = doc.notes ?? [];
  if (notes.length > 20) list.add('notes', 'at most 20 notes are allowed', 'BR-RO-A020');
  notes.forEach((note, i) => {
    if (note.trim().length > 300) list.add(`notes[${i}]`, 'is longer than 300 characters', 'BR-RO-L302');
  });
  if (doc.invoicePeriod) {
    const { start, end, taxPointDateCode } = doc.invoicePeriod;
    checkDate(list, 'invoicePeriod.start', start, 'BR-RO-DT005');
    checkDate(list, 'invoicePeriod.end', end, 'BR-RO-DT006');
    if (!start && !end && !taxPointDateCode) list.add('invoicePeriod', 'needs a start or an end date', 'BR-CO-19');
    if (start && end && start > end) list.add('invoicePeriod.end', 'is before the start date', 'BR-29');
    if (taxPointDateCode !== undefined) {
      if (!TAX_POINT_DATE_CODES.has(taxPointDateCode))
        list.add('invoicePeriod.taxPointDateCode', 'must be 3, 35 or 432', 'BR-RO-040');
      if (doc.taxPointDate) list.add('invoicePeriod.taxPointDateCode', 'cannot be given together with taxPointDate', 'BR-CO-03');
    }
  }
  (doc.precedingInvoices ?? []).forEach((ref, i) => {
    if (blank(ref.id)) list.add(`precedingInvoices[${i}].id`, 'is required', 'BR-55');
    checkDate(list, `precedingInvoices[${i}].issueDate`, ref.issueDate, 'BR-RO-DT001');
  });
  (doc.supportingDocuments ?? []).forEach((ref, i) => {
    if (blank(ref.id)) list.add(`supportingDocuments[${i}].id`, 'is required', 'BR-52');
  });
}

function checkRomanianAddress(
  address: PostalAddress,
  field: string,
  list: ProblemList,
  rules: { county: string; sector: string },
): void {
  if (address.country !== 'RO') return;
  const county = address.countrySubdivision;
  if (!county || !ROMANIAN_COUNTY_CODES.has(county)) {
    list.add(
      `${field}.countrySubdivision`,
      `'${county ?? ''}' is not an ISO 3166-2:RO county code such as RO-CJ or RO-B`,
      rules.county,
    );
  } else if (county === 'RO-B' && !BUCHAREST_SECTORS.has(address.city ?? '')) {
    list.add(
      `${field}.city`,
      `a Bucharest (RO-B) address names its sector as the city: SECTOR1 to SECTOR6, not '${address.city ?? ''}'`,
      rules.sector,
    );
  }
}

function checkAddress(
  address: PostalAddress | undefined,
  field: string,
  list: ProblemList,
  rules: { street: string; city: string; country: string; county: string; sector: string },
): void {
  if (!address) {
    list.add(field, 'is required', rules.country);
    return;
  }
  if (blank(address.street)) list.add(`${field}.street`, 'is required', rules.street);
  else if (address.street!.trim().length > 150) list.add(`${field}.street`, 'is longer than 150 characters');
  if (blank(address.city)) list.add(`${field}.city`, 'is required', rules.city);
  else if (address.city!.trim().length > 50) list.add(`${field}.city`, 'is longer than 50 characters');
  if ((address.postalCode ?? '').trim().length > 20) list.add(`${field}.postalCode`, 'is longer than 20 characters');
  if (!/^[A-Z]{2}$/.test(address.country ?? ''))
    list.add(`${field}.country`, 'must be an ISO 3166-1 alpha-2 code', rules.country);
  checkRomanianAddress(address, field, list, rules);
}

function checkParty(party: Party | undefined, role: 'seller' | 'buyer', list: ProblemList): void {
  if (!party) {
    list.add(role, 'is required');
    return;
  }
  if (blank(party.name)) list.add(`${role}.name`, 'is required', role === 'seller' ? 'BR-06' : 'BR-07');
  const seller = role === 'seller';
  checkAddress(party.address, `${role}.address`, list, {
    street: seller ? 'BR-RO-081' : 'BR-RO-082',
    city: seller ? 'BR-RO-091' : 'BR-RO-092',
    country: seller ? 'BR-09' : 'BR-11',
    county: seller ? 'BR-RO-110' : 'BR-RO-111',
    sector: seller ? 'BR-RO-100' : 'BR-RO-101',
  });
  if (party.vatId !== undefined) {
    if (!/^[A-Z]{2}/.test(party.vatId)) {
      list.add(
        `${role}.vatId`,
        'must start with its country code (RO for Romania); a CUI of a company not registered for VAT goes in legalRegistrationId',
        'BR-CO-09',
      );
    } else if (party.address?.country === 'RO' && party.vatId.startsWith('RO') && !isRomanianVatIdFormat(party.vatId)) {
      list.add(`${role}.vatId`, `'${party.vatId}' is not RO followed by a CUI of 2 to 10 digits`);
    }
  }
  if (!seller && (party.taxRegistrationId !== undefined || party.legalForm !== undefined)) {
    list.add(`${role}.taxRegistrationId`, 'is a seller term (BT-32, BT-33); a buyer has vatId or legalRegistrationId');
  }
  if (seller && !party.vatId && !party.legalRegistrationId && !party.identifier) {
    list.add(
      'seller.legalRegistrationId',
      'the seller needs a VAT id, a legal registration id (CUI) or an identifier',
      'BR-CO-26',
    );
  }
}

function categoriesOf(doc: UblDocument): Set<VatCategory> {
  const found = new Set<VatCategory>();
  for (const line of doc.lines ?? []) if (line?.vat) found.add(line.vat.category);
  for (const adjustment of [...(doc.allowances ?? []), ...(doc.charges ?? [])])
    if (adjustment?.vat) found.add(adjustment.vat.category);
  return found;
}

function checkVatClassification(vat: VatClassification | undefined, field: string, list: ProblemList): void {
  if (!vat || !CATEGORIES.has(vat.category)) {
    list.add(`${field}.category`, `must be one of ${VAT_CATEGORIES.join(', ')}`, 'BR-CO-04');
    return;
  }
  if (vat.category === 'O') {
    if (vat.rate !== undefined) list.add(`${field}.rate`, 'must be absent for category O (outside the scope of VAT)', 'BR-O-05');
    return;
  }
  const rate = vat.rate === undefined ? undefined : parseDecimal(vat.rate);
  if (!rate) {
    list.add(`${field}.rate`, `is required for category ${vat.category} and must be a decimal`, 'BR-CO-04');
    return;
  }
  if (rate.coefficient < 0n) list.add(`${field}.rate`, 'cannot be negative');
  if (vat.category === 'S' && rate.coefficient <= 0n)
    list.add(`${field}.rate`, 'must be greater than zero for category S', 'BR-S-05');
  if (ZERO_RATED.has(vat.category) && rate.coefficient !== 0n) {
    const rule = { Z: 'BR-Z-05', E: 'BR-E-05', AE: 'BR-AE-05', K: 'BR-IC-05', G: 'BR-G-05' }[vat.category as 'Z'];
    list.add(`${field}.rate`, `must be 0 for category ${vat.category}`, rule);
  }
}

function checkAdjustment(adjustment: LineAdjustment, field: string, kind: 'allowance' | 'charge', list: ProblemList): void {
  if (adjustment.amount === undefined) {
    if (adjustment.percent === undefined)
      list.add(`${field}.amount`, 'is required (or a percent of a base amount)', kind === 'allowance' ? 'BR-41' : 'BR-43');
  }
  if (adjustment.percent !== undefined && !isDecimalString(adjustment.percent)) list.add(`${field}.percent`, 'must be a decimal');
  if (blank(adjustment.reason) && blank(adjustment.reasonCode)) {
    list.add(`${field}.reason`, `a ${kind} needs a reason or a reason code`, kind === 'allowance' ? 'BR-42' : 'BR-44');
  }
  if ((adjustment.reason ?? '').trim().length > 100) list.add(`${field}.reason`, 'is longer than 100 characters', 'BR-RO-L1022');
}

function checkLines(doc: UblDocument, list: ProblemList): void {
  const lines = doc.lines ?? [];
  if (lines.length === 0) list.add('lines', 'a document needs at least one line', 'BR-16');
  const seen = new Set<string>();
  lines.forEach((line, i) => {
    const field = `lines[${i}]`;
    if (blank(line.id)) list.add(`${field}.id`, 'is required', 'BR-21');
    else if (seen.has(line.id)) list.add(`${field}.id`, `'${line.id}' is used by another line`);
    seen.add(line.id);
    if (!isDecimalString(line.quantity ?? '')) list.add(`${field}.quantity`, 'must be a decimal', 'BR-22');
    if (blank(line.unitCode)) list.add(`${field}.unitCode`, 'is required (UN/ECE Rec 20, e.g. H87 or C62)', 'BR-23');
    if (blank(line.item?.name)) list.add(`${field}.item.name`, 'is required', 'BR-25');
    else if (line.item.name.trim().length > 200) list.add(`${field}.item.name`, 'is longer than 200 characters', 'BR-RO-L211');
    if (line.note !== undefined && line.note.trim().length > 300)
      list.add(`${field}.note`, 'is longer than 300 characters', 'BR-RO-L303');
    (line.item?.classifications ?? []).forEach((c, j) => {
      if (blank(c.listId)) list.add(`${field}.item.classifications[${j}].listId`, 'is required', 'BR-65');
    });
    const price = parseDecimal(line.price?.amount ?? '');
    if (!price) list.add(`${field}.price.amount`, 'must be a decimal', 'BR-26');
    else if (price.coefficient < 0n)
      list.add(`${field}.price.amount`, `the net price ${line.price.amount} is negative; put a discount in allowances`, 'BR-27');
    if (line.price?.baseQuantity !== undefined) {
      const base = parseDecimal(line.price.baseQuantity);
      if (!base || base.coefficient <= 0n) list.add(`${field}.price.baseQuantity`, 'must be a positive decimal');
    }
    if (line.period) {
      checkDate(list, `${field}.period.start`, line.period.start, 'BR-RO-DT005');
      checkDate(list, `${field}.period.end`, line.period.end, 'BR-RO-DT006');
      if (!line.period.start && !line.period.end) list.add(`${field}.period`, 'needs a start or an end date', 'BR-CO-20');
      if (line.period.start && line.period.end && line.period.start > line.period.end)
        list.add(`${field}.period.end`, 'is before the start date', 'BR-30');
    }
    checkVatClassification(line.vat, `${field}.vat`, list);
    (line.allowances ?? []).forEach((a, j) => checkAdjustment(a, `${field}.allowances[${j}]`, 'allowance', list));
    (line.charges ?? []).forEach((c, j) => checkAdjustment(c, `${field}.charges[${j}]`, 'charge', list));
  });
}

function checkDocumentAdjustments(doc: UblDocument, list: ProblemList): void {
  const check = (kind: 'allowance' | 'charge', items: UblDocument['allowances'], name: string) =>
    (items ?? []).forEach((a, i) => {
      const field = `${name}[${i}]`;
      if (a.amount === undefined && a.percent === undefined)
        list.add(`${field}.amount`, 'is required (or a percent of a base amount)', kind === 'allowance' ? 'BR-31' : 'BR-36');
      if (a.percent !== undefined && !isDecimalString(a.percent)) list.add(`${field}.percent`, 'must be a decimal');
      if (blank(a.reason) && blank(a.reasonCode))
        list.add(`${field}.reason`, `a ${kind} needs a reason or a reason code`, kind === 'allowance' ? 'BR-33' : 'BR-38');
      checkVatClassification(a.vat, `${field}.vat`, list);
    });
  check('allowance', doc.allowances, 'allowances');
  check('charge', doc.charges, 'charges');
}

function checkVatRules(doc: UblDocument, list: ProblemList): void {
  const categories = categoriesOf(doc);
  const seller = doc.seller ?? {};
  const buyer = doc.buyer ?? {};
  // BR-RO-065 and BR-RO-120 look at InvoiceLine and document allowances and charges only, so
  // ANAF does not ask a credit note's lines for these ids; the check follows the official rule.
  const ruleCategories = doc.kind === 'invoice' ? categories : categoriesOf({ ...doc, lines: [] });
  const inScope = [...ruleCategories].some((c) => IN_VAT_SCOPE.has(c));
  if (inScope && !seller.vatId && !seller.taxRegistrationId) {
    list.add(
      'seller.vatId',
      'a document with VAT categories other than O needs the seller VAT id or tax registration id',
      'BR-RO-065',
    );
  }
  if (inScope && !buyer.vatId && !buyer.legalRegistrationId) {
    list.add(
      'buyer.legalRegistrationId',
      `the buyer needs an id: a CUI, a CNP or ${'0'.repeat(13)} for a person without one, or a VAT id`,
      'BR-RO-120',
    );
  }
  if (categories.has('O')) {
    if (categories.size > 1)
      list.add('lines', 'category O (outside the scope of VAT) cannot be mixed with other categories', 'BR-O-11');
    if (seller.vatId)
      list.add(
        'seller.vatId',
        'must be absent on a document outside the scope of VAT; use taxRegistrationId or legalRegistrationId',
        'BR-O-02',
      );
    if (buyer.vatId) list.add('buyer.vatId', 'must be absent on a document outside the scope of VAT', 'BR-O-02');
  }
  if (categories.has('G') && !seller.vatId) list.add('seller.vatId', 'an export (category G) needs the seller VAT id', 'BR-G-02');
  if (categories.has('AE') && !buyer.vatId && !buyer.legalRegistrationId) {
    list.add('buyer.vatId', 'reverse charge (category AE) needs the buyer VAT id or legal registration id', 'BR-AE-02');
  }
  if (categories.has('K')) {
    if (!seller.vatId) list.add('seller.vatId', 'an intra-community supply (category K) needs the seller VAT id', 'BR-IC-02');
    if (!buyer.vatId) list.add('buyer.vatId', 'an intra-community supply (category K) needs the buyer VAT id', 'BR-IC-02');
    if (!doc.delivery?.date && !doc.invoicePeriod)
      list.add('delivery.date', 'an intra-community supply needs the delivery date or the invoicing period', 'BR-IC-11');
    if (!doc.delivery?.address?.country)
      list.add('delivery.address.country', 'an intra-community supply needs the deliver-to country', 'BR-IC-12');
  }
  if (doc.vatBreakdown === undefined) {
    const exemptions = doc.vatExemptions ?? [];
    exemptions.forEach((e, i) => {
      if ((e.category === 'S' || e.category === 'Z') && (e.reason || e.reasonCode)) {
        list.add(
          `vatExemptions[${i}]`,
          `category ${e.category} has no exemption reason`,
          e.category === 'S' ? 'BR-S-10' : 'BR-Z-10',
        );
      }
    });
    if (categories.has('E') && !exemptions.some((e) => e.category === 'E' && (!blank(e.reason) || !blank(e.reasonCode)))) {
      list.add('vatExemptions', 'category E (exempt) needs an exemption reason or reason code', 'BR-E-10');
    }
  }
}

function checkDeliveryAndPayment(doc: UblDocument, list: ProblemList): void {
  if (doc.delivery) {
    checkDate(list, 'delivery.date', doc.delivery.date, 'BR-RO-DT004');
    const address = doc.delivery.address;
    if (address) {
      if (blank(address.street)) list.add('delivery.address.street', 'is required when there is a delivery address', 'BR-RO-180');
      if (blank(address.city)) list.add('delivery.address.city', 'is required when there is a delivery address', 'BR-RO-201');
      if (blank(address.countrySubdivision))
        list.add('delivery.address.countrySubdivision', 'is required when there is a delivery address', 'BR-RO-211');
      if (!/^[A-Z]{2}$/.test(address.country ?? ''))
        list.add('delivery.address.country', 'must be an ISO 3166-1 alpha-2 code', 'BR-57');
      checkRomanianAddress(address, 'delivery.address', list, { county: 'BR-RO-212', sector: 'BR-RO-202' });
    }
  }
  (doc.paymentMeans ?? []).forEach((means, i) => {
    if (blank(means.code)) list.add(`paymentMeans[${i}].code`, 'is required', 'BR-49');
    if ((means.code === '30' || means.code === '58') && blank(means.payeeAccount?.id)) {
      list.add(`paymentMeans[${i}].payeeAccount.id`, 'a credit transfer needs the payee account (IBAN)', 'BR-61');
    }
  });
  if (doc.kind === 'creditNote' && doc.dueDate && (doc.paymentMeans ?? []).length === 0) {
    list.add('dueDate', 'a credit note carries its due date in a payment means; add paymentMeans or use paymentTerms');
  }
}

/** Problems that show only once the amounts are known: totals given that do not add up, a missing due date. */
export function findTotalsProblems(doc: CompleteUblDocument, expected: CompleteUblDocument['totals']): FieldProblem[] {
  const list = new ProblemList();
  const given = doc.totals;
  const compare = (key: keyof typeof given, rule: string, meaning: string) => {
    if ((given[key] ?? 0n) !== (expected[key] ?? 0n))
      list.add(`totals.${key}`, `is ${String(given[key])} hundredths but ${meaning} gives ${String(expected[key])}`, rule);
  };
  compare('lineExtension', 'BR-CO-10', 'the sum of the line net amounts');
  compare('allowanceTotal', 'BR-CO-11', 'the sum of the document allowances');
  compare('chargeTotal', 'BR-CO-12', 'the sum of the document charges');
  compare('taxExclusive', 'BR-CO-13', 'line net amounts - allowances + charges');
  compare('taxTotal', 'BR-CO-14', 'the sum of the VAT breakdown');
  compare('taxInclusive', 'BR-CO-15', 'total without VAT + VAT total');
  compare('payable', 'BR-CO-16', 'total with VAT - paid amount + rounding');
  if (doc.taxCurrency && doc.taxCurrency !== doc.currency && given.taxTotalInTaxCurrency === undefined) {
    list.add('totals.taxTotalInTaxCurrency', `the VAT total in ${doc.taxCurrency} is required`, 'BR-53');
  }
  // BR-CO-25 applies to invoices only (its context is /ubl:Invoice/cac:LegalMonetaryTotal/cbc:PayableAmount).
  if (given.payable > 0n && doc.kind === 'invoice' && !doc.dueDate && blank(doc.paymentTerms)) {
    list.add('dueDate', 'an amount is due: give the due date or the payment terms', 'BR-CO-25');
  }
  return list.problems;
}
