import { XMLValidator } from 'fast-xml-parser';
import { parseUblXml } from '@obolus/ubl';

export const UBL_INVOICE_NAMESPACE = 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2';
export const UBL_CREDIT_NOTE_NAMESPACE = 'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2';
export const CII_NAMESPACE = 'urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100';

export interface RootElement {
  localName: string;
  namespace?: string;
}

/** The SAX-style text ANAF answers for a file that is not well-formed XML, or undefined when it is. */
export function wellFormednessError(xml: string): string | undefined {
  if (xml.trim() === '') {
    return 'Fisierul transmis nu este valid. org.xml.sax.SAXParseException; lineNumber: 1; columnNumber: 1; Premature end of file.';
  }
  const result = XMLValidator.validate(xml);
  if (result === true) return undefined;
  const { line, col, msg } = result.err;
  return `Fisierul transmis nu este valid. org.xml.sax.SAXParseException; lineNumber: ${line}; columnNumber: ${col}; ${msg}`;
}

/** The document element's local name and namespace, read from its start tag. */
export function rootElement(xml: string): RootElement | undefined {
  const start = /<([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)(\s[^>]*)?\/?>/g;
  let found: RegExpExecArray | null;
  while ((found = start.exec(xml)) !== null) {
    const before = xml.slice(0, found.index);
    // Skip anything inside a comment, a processing instruction or a DOCTYPE left open before this tag.
    if (before.lastIndexOf('<!--') > before.lastIndexOf('-->')) continue;
    const [prefix, localName] = found[1].includes(':') ? found[1].split(':') : [undefined, found[1]];
    const attribute = prefix ? `xmlns:${prefix}` : 'xmlns';
    const namespace = new RegExp(`\\s${attribute}\\s*=\\s*["']([^"']*)["']`).exec(found[2] ?? '')?.[1];
    return { localName, namespace };
  }
  return undefined;
}

/** What the sandbox needs from an invoice: who issued it, to whom, and which document it is. */
export interface DocumentFacts {
  number?: string;
  issueDate?: string;
  sellerCif?: string;
  /** A Romanian company's CUI; undefined for a consumer, a foreign buyer or an unreadable document. */
  buyerCif?: string;
}

/** A CUI from a Romanian VAT id ("RO123") or a bare CUI; a 13-digit CNP or the anonymous id is no company. */
export function cifOf(id: string | undefined): string | undefined {
  const found = /^(?:RO)?\s*(\d{2,10})$/i.exec((id ?? '').trim());
  return found?.[1];
}

export function documentFacts(xml: string): DocumentFacts {
  try {
    const { document } = parseUblXml(xml);
    return {
      number: document.id,
      issueDate: document.issueDate,
      sellerCif:
        cifOf(document.seller.vatId) ?? cifOf(document.seller.legalRegistrationId) ?? cifOf(document.seller.taxRegistrationId),
      buyerCif: cifOf(document.buyer.vatId) ?? cifOf(document.buyer.legalRegistrationId),
    };
  } catch {
    return {};
  }
}
