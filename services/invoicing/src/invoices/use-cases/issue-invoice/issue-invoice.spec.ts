import { InvoiceIssuedV1 } from '@obolus/contracts';
import { createHash, randomUUID } from 'node:crypto';
import { InvoicingErrorCode } from '../../../invoicing.errors';
import { InvoicingWorld } from '../../../test-support/invoicing-world';

describe('IssueInvoiceUseCase', () => {
  let world: InvoicingWorld;
  let accountId: string;

  beforeEach(async () => {
    world = new InvoicingWorld();
    accountId = await world.signUp();
    await world.setBillingDetails({
      accountId,
      legalName: 'Firma Popescu SRL',
      buyerType: 'business',
      companyId: '12448440',
      address: { line1: 'Strada Lipscani 10', city: 'SECTOR3', countrySubdivision: 'RO-B', country: 'RO' },
      extraRecipients: ['finance@popescu.ro', 'ana@popescu.ro'],
    });
  });

  const draftOf = async () => {
    await world.requestPayment(accountId);
    return world.draftsOf(accountId).at(-1)!;
  };

  it('makes the paid draft the first invoice of the Romanian series, stores its PDF and announces a reference to it', async () => {
    const draft = await draftOf();
    // 23:30 UTC on 31 December is already 1 January in Bucharest: the 2027 series.
    await world.issueInvoice(world.payment(draft.id, { succeededAt: '2026-12-31T23:30:00.000Z' }));

    const [issued] = world.uow.dataOf(InvoiceIssuedV1);
    const stored = world.invoices.invoices.get(issued!.invoiceId)!;
    expect(issued).toMatchObject({
      accountId,
      number: 'OBRO-2027-000001',
      series: 'OBRO-2027',
      issueDate: '2027-01-01',
      // The Romanian seller's 30-day payment term (sellers.json).
      dueDate: '2027-01-31',
      taxPointDate: '2026-11-22',
      totals: { grossMinor: 11858, paidMinor: 11858, payableMinor: 0 },
      recipients: ['ana@popescu.ro', 'finance@popescu.ro'],
      pdf: { filename: 'OBRO-2027-000001.pdf', sizeBytes: stored.pdf.length },
      issuedAt: '2026-11-22T10:00:00.000Z',
    });
    expect(issued!.pdf.sha256).toBe(createHash('sha256').update(stored.pdf).digest('hex'));
    expect(stored.pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(stored).toMatchObject({ draftId: draft.id, sequenceNumber: 1, recipients: ['ana@popescu.ro', 'finance@popescu.ro'] });
    expect(world.invoices.drafts.get(draft.id)).toMatchObject({ status: 'invoiced', invoiceId: issued!.invoiceId });
  });

  it('numbers invoices without gaps, and issues once for a payment delivered twice', async () => {
    const first = await draftOf();
    const second = await draftOf();
    const payment = world.payment(first.id);
    await world.issueInvoice(payment);
    await world.issueInvoice(payment);
    await world.issueInvoice(world.payment(second.id));
    expect(world.uow.dataOf(InvoiceIssuedV1).map((i) => i.number)).toEqual(['OBRO-2026-000001', 'OBRO-2026-000002']);
    expect(world.invoices.invoices.size).toBe(2);
  });

  it('refuses a payment of another amount, and issues nothing', async () => {
    const draft = await draftOf();
    await expect(world.issueInvoice(world.payment(draft.id, { amountMinor: 11857 }))).rejects.toMatchObject({
      code: InvoicingErrorCode.PaymentDoesNotSettleDraft,
      kind: 'unprocessable',
      message: expect.stringContaining(`does not settle draft ${draft.id} (11858 RON)`),
    });
    expect(world.invoices.invoices.size).toBe(0);
    expect(world.invoices.drafts.get(draft.id)?.status).toBe('awaiting_payment');
    expect(world.uow.dataOf(InvoiceIssuedV1)).toEqual([]);
  });

  it("issues nothing for a payment naming another account's draft", async () => {
    const draft = await draftOf();
    const stranger = await world.signUp();
    await world.issueInvoice(world.payment(draft.id, { accountId: stranger }));
    expect(world.uow.dataOf(InvoiceIssuedV1)).toEqual([]);
    expect(world.invoices.drafts.get(draft.id)?.status).toBe('awaiting_payment');
  });

  it("sends the invoice to the seller's own address when the account is unknown to invoicing", async () => {
    const unknown = randomUUID();
    await world.requestPayment(unknown);
    const [draft] = world.draftsOf(unknown);
    await world.issueInvoice(world.payment(draft!.id));
    const [issued] = world.uow.dataOf(InvoiceIssuedV1);
    expect(issued!.recipients).toEqual(['facturare@obolus.example']);
    expect(issued!.buyer).toEqual({
      legalName: 'Customer',
      buyerType: 'individual',
      address: { line1: '-', city: '-', country: 'RO' },
    });
  });
});
