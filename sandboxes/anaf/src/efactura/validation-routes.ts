import { randomUUID } from 'node:crypto';
import { completeUblDocument, formatCents, parseUblXml, type UblDocument } from '@obolus/ubl';
import { json, type Reply, type RequestBody } from '../http';
import type { DocumentValidator } from '../options';
import { textPdf } from '../pdf/text-pdf';
import { UBL_CREDIT_NOTE_NAMESPACE, UBL_INVOICE_NAMESPACE, rootElement, wellFormednessError } from './document-facts';
import { fatalMessages } from './rule-messages';

export const MAX_VALIDATION_BYTES = 5 * 1024 * 1024;

/** FACT1 takes an invoice, FCN a credit note. */
const ROOTS: Record<string, { localName: string; namespace: string }> = {
  FACT1: { localName: 'Invoice', namespace: UBL_INVOICE_NAMESPACE },
  FCN: { localName: 'CreditNote', namespace: UBL_CREDIT_NOTE_NAMESPACE },
};

function nok(messages: string[]): Reply {
  return json({ stare: 'nok', Messages: messages.map((message) => ({ message })), trace_id: randomUUID() });
}

/** The reasons a document fails, as `validare` lists them; empty when it passes. */
async function problems(standard: string, body: RequestBody, validator: DocumentValidator): Promise<string[]> {
  const expected = ROOTS[standard];
  if (!expected) return [`E: standardul ${standard} nu este acceptat; valorile acceptate sunt FACT1 si FCN`];
  if (body.truncated) return ['E: Marime fisier transmis mai mare de 5 MB.'];
  const xml = body.bytes.toString('utf8');
  const malformed = wellFormednessError(xml);
  if (malformed) return [`E: ${malformed}`];
  const root = rootElement(xml);
  if (root?.localName !== expected.localName || root.namespace !== expected.namespace) {
    return [`E: validari globale  SCHEMA   eroare: documentul nu este ${expected.localName} UBL 2.1 (standard ${standard})`];
  }
  return fatalMessages(await validator.validate(xml));
}

/** `validare/{FACT1|FCN}`: the official rules' verdict as JSON. */
export async function validate(standard: string, body: RequestBody, validator: DocumentValidator): Promise<Reply> {
  const found = await problems(standard, body, validator);
  return found.length > 0 ? nok(found) : json({ stare: 'ok', trace_id: randomUUID() });
}

/** `transformare/{FACT1|FCN}[/DA]`: a PDF of the document; without `/DA` it must pass validation first. */
export async function transform(
  standard: string,
  skipValidation: boolean,
  body: RequestBody,
  validator: DocumentValidator,
): Promise<Reply> {
  if (!skipValidation) {
    const found = await problems(standard, body, validator);
    if (found.length > 0) return nok(found);
  }
  let lines: string[];
  try {
    lines = summary(body.bytes.toString('utf8'));
  } catch (error) {
    return nok([`E: documentul nu poate fi citit: ${error instanceof Error ? error.message : String(error)}`]);
  }
  return { status: 200, contentType: 'application/pdf', body: textPdf(lines) };
}

/** The lines of the rendered PDF; a document Obolus could not complete (sent with /DA) shows what it states. */
function summary(xml: string): string[] {
  const parsed = parseUblXml(xml).document;
  let document: UblDocument = parsed;
  try {
    document = completeUblDocument(parsed);
  } catch {
    // Rendered as stated: /DA asks for no validation, and ANAF renders such documents too.
  }
  const currency = document.currency;
  const amount = (cents: bigint | undefined): string => (cents === undefined ? '-' : `${formatCents(cents)} ${currency}`);
  return [
    `${document.kind === 'creditNote' ? 'Factura storno (nota de credit)' : 'Factura'} ${document.id} din ${document.issueDate}`,
    '',
    `Furnizor: ${document.seller.name ?? ''} ${document.seller.vatId ?? document.seller.legalRegistrationId ?? ''}`,
    `Cumparator: ${document.buyer.name ?? ''} ${document.buyer.vatId ?? document.buyer.legalRegistrationId ?? ''}`,
    '',
    ...document.lines.map(
      (line) => `${line.id}. ${line.item.name} - ${line.quantity} x ${line.price.amount} = ${amount(line.netAmount)}`,
    ),
    '',
    `Total fara TVA: ${amount(document.totals?.taxExclusive)}`,
    `TVA: ${amount(document.totals?.taxTotal)}`,
    `Total de plata: ${amount(document.totals?.payable)}`,
    '',
    'Document generat de sandbox-ul ANAF al Obolus.',
  ];
}
