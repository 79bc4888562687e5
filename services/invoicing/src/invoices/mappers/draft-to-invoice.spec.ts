import { DraftEntity } from '../entities/draft.entity';
import { draftToInvoice, invoiceIssuedData, invoiceRecipients, invoiceRow, IssueRecord } from './draft-to-invoice';

const accountId = '0b9f3a8e-5a0f-4b5e-9d5e-0c6f1c1e2a11';
const invoiceId = '1b9f3a8e-5a0f-4b5e-9d5e-0c6f1c1e2a11';
const draft: DraftEntity = {
  id: '3b9f3a8e-5a0f-4b5e-9d5e-0c6f1c1e2a11',
  accountId,
  subscriptionId: '4b9f3a8e-5a0f-4b5e-9d5e-0c6f1c1e2a11',
  causeEventId: 'evt-1',
  catalog: 'fr-crm',
  sellerEntity: 'obolus-fr',
  currency: 'EUR',
  locale: 'fr',
  taxPointDate: '2026-11-20',
  seller: {
    legalName: 'Obolus SAS',
    vatId: 'FR82342464408',
    address: { line1: '12 rue de la Paix', city: 'Paris', country: 'FR' },
  },
  buyer: {
    legalName: 'Firma Popescu SRL',
    vatId: 'RO14040242',
    address: { line1: 'Strada Lipscani 10', city: 'SECTOR3', country: 'RO' },
  },
  lines: [
    { description: 'Dream Team', quantity: 1, unitPriceMinor: 1000, netMinor: 1000, vatCategory: 'AE', vatRateBasisPoints: 0 },
  ],
  vatBreakdown: [
    { vatCategory: 'AE', vatRateBasisPoints: 0, taxableMinor: 1000, taxMinor: 0, exemptionReasonCode: 'VATEX-EU-AE' },
  ],
  totals: { netMinor: 1000, vatMinor: 0, grossMinor: 1000 },
  legalMention: 'Autoliquidation',
  paymentMethod: 'card',
  status: 'awaiting_payment',
  invoiceId: null,
  createdAt: new Date('2026-11-20T08:00:00.000Z'),
};
const payment = {
  paymentId: '2b9f3a8e-5a0f-4b5e-9d5e-0c6f1c1e2a11',
  amountMinor: 1000,
  paymentMethod: 'card' as const,
  providerPaymentId: 'pi_9',
};
const numbering = { series: 'OBFR-2026', sequenceNumber: 7, number: 'OBFR-2026-000007', issueDate: '2026-11-22' };
const issue: IssueRecord = {
  recipients: ['ana@popescu.ro'],
  pdf: Buffer.from('%PDF-1.3 test'),
  pdfSha256: 'a'.repeat(64),
  issuedAt: new Date('2026-11-22T10:00:00.000Z'),
};

describe('draftToInvoice', () => {
  it("copies the draft's parties, lines and VAT, dates it on the issue day, due after the seller's term, and records the payment", () => {
    expect(draftToInvoice(draft, payment, invoiceId, numbering, 30)).toEqual({
      accountId,
      invoiceId,
      number: 'OBFR-2026-000007',
      series: 'OBFR-2026',
      catalog: 'fr-crm',
      issueDate: '2026-11-22',
      taxPointDate: '2026-11-20',
      dueDate: '2026-12-22',
      currency: 'EUR',
      locale: 'fr',
      seller: draft.seller,
      buyer: draft.buyer,
      lines: draft.lines,
      vatBreakdown: draft.vatBreakdown,
      totals: { netMinor: 1000, vatMinor: 0, grossMinor: 1000, paidMinor: 1000, payableMinor: 0 },
      legalMention: 'Autoliquidation',
      payment: { paymentId: payment.paymentId, method: 'card', providerPaymentId: 'pi_9' },
    });
  });

  it('counts the payment term in calendar days from the issue date, across a month and a year', () => {
    const endOfYear = { ...numbering, issueDate: '2026-12-15' };
    expect(draftToInvoice(draft, payment, invoiceId, endOfYear, 30).dueDate).toBe('2027-01-14');
    expect(draftToInvoice(draft, payment, invoiceId, endOfYear, 0).dueDate).toBe('2026-12-15');
  });

  it('leaves out an absent legal mention, and stores it as null', () => {
    const content = draftToInvoice({ ...draft, legalMention: null }, payment, invoiceId, numbering, 30);
    expect('legalMention' in content).toBe(false);
    expect(invoiceRow(draft.id, numbering, content, issue).legalMention).toBeNull();
  });
});

describe('invoiceRow', () => {
  it('keeps the content, its place in the series, the PDF and who received it', () => {
    const content = draftToInvoice(draft, payment, invoiceId, numbering, 30);
    expect(invoiceRow(draft.id, numbering, content, issue)).toEqual({
      ...content,
      id: invoiceId,
      invoiceId: undefined,
      draftId: draft.id,
      sequenceNumber: 7,
      recipients: ['ana@popescu.ro'],
      pdf: issue.pdf,
      pdfSha256: 'a'.repeat(64),
      issuedAt: issue.issuedAt,
    });
  });
});

describe('invoiceIssuedData', () => {
  it('refers to the PDF by name, hash and size, and falls back to the seller address without recipients', () => {
    const content = draftToInvoice(draft, payment, invoiceId, numbering, 30);
    expect(invoiceIssuedData(content, issue, 'billing@obolus.example')).toEqual({
      ...content,
      recipients: ['ana@popescu.ro'],
      pdf: { filename: 'OBFR-2026-000007.pdf', sha256: 'a'.repeat(64), sizeBytes: issue.pdf.length },
      issuedAt: '2026-11-22T10:00:00.000Z',
    });
    expect(invoiceIssuedData(content, { ...issue, recipients: [] }, 'billing@obolus.example').recipients).toEqual([
      'billing@obolus.example',
    ]);
  });
});

describe('invoiceRecipients', () => {
  it('sends to the owner and the extra addresses, each once', () => {
    const customer = { ownerEmail: 'ana@popescu.ro' } as Parameters<typeof invoiceRecipients>[0];
    const details = { extraRecipients: ['finance@popescu.ro', 'ana@popescu.ro'] } as Parameters<typeof invoiceRecipients>[1];
    expect(invoiceRecipients(customer, details)).toEqual(['ana@popescu.ro', 'finance@popescu.ro']);
    expect(invoiceRecipients(null, null)).toEqual([]);
  });
});
