import { CreditNoteIssuedV1Data } from '@obolus/contracts';
import { UblDocument } from '@obolus/ubl';
import { buyer, linesOf, seller, totalsOf, vatExemptionsOf } from './invoice-to-ubl';

/** A note (BT-22) holds at most 300 characters under CIUS-RO (BR-RO-L300). */
const NOTE_MAX = 300;
const note = (text: string): string => (text.length <= NOTE_MAX ? text : `${text.slice(0, NOTE_MAX - 1)}…`);

const REFUND_TERMS =
  'Suma se compensează cu o factură ulterioară sau se rambursează / Offset against a later invoice or refunded';

/**
 * The CIUS-RO CreditNote of an issued credit note, built from the event alone: type 381, the
 * credited lines as positive amounts, and the invoice it corrects (BG-3: BT-25 and BT-26).
 * What was already paid back is BT-113, so the amount still due to the buyer is BT-115.
 */
export function creditNoteToUbl(creditNote: CreditNoteIssuedV1Data): UblDocument {
  const exemptions = vatExemptionsOf(creditNote);
  const notes = [creditNote.reasonText, creditNote.legalMention].filter((text): text is string => !!text).map(note);
  return {
    kind: 'creditNote',
    id: creditNote.number,
    issueDate: creditNote.issueDate,
    currency: creditNote.currency,
    notes,
    precedingInvoices: [{ id: creditNote.invoiceNumber, issueDate: creditNote.invoiceIssueDate }],
    seller: seller(creditNote.seller),
    buyer: buyer(creditNote.buyer),
    lines: linesOf(creditNote),
    totals: totalsOf(creditNote),
    // An amount still owed to the buyer needs payment terms (BR-CO-25); a credit note has no BT-9 of its own here.
    ...(creditNote.totals.payableMinor > 0 ? { paymentTerms: REFUND_TERMS } : {}),
    ...(exemptions ? { vatExemptions: exemptions } : {}),
  };
}
