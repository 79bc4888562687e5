import { CreditNoteIssuedV1Data } from '@obolus/contracts';
import { issuedRomanianInvoice } from '@obolus/testing';

/**
 * A Romanian credit note as `credit-note.issued` carries it, for specs: a refund of the whole of
 * issuedRomanianInvoice (OBRO-2026-000001), already paid back; each call a fresh copy.
 */
export function issuedRomanianCreditNote(): CreditNoteIssuedV1Data {
  const invoice = issuedRomanianInvoice();
  return {
    accountId: invoice.accountId,
    creditNoteId: '3b9f3a8e-5a0f-4b5e-9d5e-0c6f1c1e2a11',
    number: 'OBRO-CN-2026-000001',
    series: 'OBRO-CN-2026',
    catalog: invoice.catalog,
    invoiceId: invoice.invoiceId,
    invoiceNumber: invoice.number,
    invoiceIssueDate: invoice.issueDate,
    reason: 'refund',
    reasonText: 'Rambursare: abonament anulat în perioada de retragere',
    refundId: '4b9f3a8e-5a0f-4b5e-9d5e-0c6f1c1e2a11',
    issueDate: '2026-11-27',
    currency: invoice.currency,
    locale: invoice.locale,
    seller: invoice.seller,
    buyer: invoice.buyer,
    lines: invoice.lines,
    vatBreakdown: invoice.vatBreakdown,
    totals: invoice.totals,
    recipients: invoice.recipients,
    pdf: { filename: 'OBRO-CN-2026-000001.pdf', sha256: '0'.repeat(64), sizeBytes: 5 },
    issuedAt: '2026-11-27T09:00:00.000Z',
  };
}
