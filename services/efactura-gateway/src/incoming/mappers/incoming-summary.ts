import { documentToJson, parseUblXml, UblMalformedXmlError } from '@obolus/ubl';

/** What the gateway reads from a supplier's invoice; `parseError` when it cannot (the invoice is kept anyway). */
export interface IncomingSummary {
  supplierCif: string | null;
  supplierName: string | null;
  number: string | null;
  issueDate: string | null;
  currency: string | null;
  /** BT-115, in minor units of `currency`. */
  payableMinor: bigint | null;
  /** The whole document in Obolus's UBL JSON (supplier, dates, lines, VAT, totals), and what could not be read. */
  parsed: Record<string, unknown> | null;
  parseError: string | null;
}

const nothing = (parseError: string): IncomingSummary => ({
  supplierCif: null,
  supplierName: null,
  number: null,
  issueDate: null,
  currency: null,
  payableMinor: null,
  parsed: null,
  parseError,
});

/** The CUI in a Romanian VAT id or registration id, digits only. */
const cuiOf = (id: string | undefined): string | null =>
  id && /^(RO)?\d{2,10}$/i.test(id.trim()) ? id.trim().replace(/^RO/i, '') : null;

/** Reads a supplier invoice with libs/ubl; what is not UBL (or not well-formed) becomes the parse error. */
export function incomingSummary(xml: string): IncomingSummary {
  let document;
  let issues;
  try {
    ({ document, issues } = parseUblXml(xml));
  } catch (error) {
    // Its message reads "not well-formed XML: …"; a DOCTYPE (DTD entities, an XML bomb's stuff) is refused so.
    if (error instanceof UblMalformedXmlError) return nothing(error.message);
    return nothing(`unreadable: ${error instanceof Error ? error.message : String(error)}`);
  }
  const notUbl = issues.find((issue) => issue.field === 'kind');
  if (notUbl) return nothing(`not a UBL invoice: ${notUbl.reason}`);
  const seller = document.seller;
  return {
    supplierCif: cuiOf(seller.vatId) ?? cuiOf(seller.legalRegistrationId) ?? cuiOf(seller.taxRegistrationId),
    supplierName: seller.name ?? null,
    number: document.id || null,
    issueDate: document.issueDate || null,
    currency: document.currency || null,
    payableMinor: document.totals?.payable ?? null,
    parsed: { document: documentToJson(document), issues },
    parseError: null,
  };
}
