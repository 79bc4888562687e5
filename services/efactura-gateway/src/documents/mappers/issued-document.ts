import { CreditNoteIssuedV1Data, InvoiceIssuedV1Data } from '@obolus/contracts';
import { UblDocument } from '@obolus/ubl';
import { DocumentKind } from '../entities/document.entity';
import { creditNoteToUbl } from './credit-note-to-ubl';
import { invoiceToUbl } from './invoice-to-ubl';

/** What the gateway needs of an issued invoice or credit note: who, which, when, and its UBL document. */
export interface IssuedDocument {
  kind: DocumentKind;
  accountId: string;
  /** The invoice's id, or the credit note's. */
  sourceId: string;
  number: string;
  issueDate: string;
  /** A credit note's BT-25: the number of the invoice it corrects. */
  correctedInvoiceNumber: string | null;
  seller: InvoiceIssuedV1Data['seller'];
  buyer: InvoiceIssuedV1Data['buyer'];
  ubl(): UblDocument;
}

export function issuedInvoice(invoice: InvoiceIssuedV1Data): IssuedDocument {
  return {
    kind: 'invoice',
    accountId: invoice.accountId,
    sourceId: invoice.invoiceId,
    number: invoice.number,
    issueDate: invoice.issueDate,
    correctedInvoiceNumber: null,
    seller: invoice.seller,
    buyer: invoice.buyer,
    ubl: () => invoiceToUbl(invoice),
  };
}

export function issuedCreditNote(creditNote: CreditNoteIssuedV1Data): IssuedDocument {
  return {
    kind: 'credit-note',
    accountId: creditNote.accountId,
    sourceId: creditNote.creditNoteId,
    number: creditNote.number,
    issueDate: creditNote.issueDate,
    correctedInvoiceNumber: creditNote.invoiceNumber,
    seller: creditNote.seller,
    buyer: creditNote.buyer,
    ubl: () => creditNoteToUbl(creditNote),
  };
}
