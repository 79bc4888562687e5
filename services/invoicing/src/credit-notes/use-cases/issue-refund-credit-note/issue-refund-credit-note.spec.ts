import { CreditNoteIssuedV1, violationsOf } from '@obolus/contracts';
import { randomUUID } from 'node:crypto';
import { InvoicingErrorCode } from '../../../invoicing.errors';
import { CreditNotesWorld } from '../../test-support/credit-notes-world';
import { IssueRefundCreditNoteCommand, IssueRefundCreditNoteInput } from './issue-refund-credit-note.command';

describe('IssueRefundCreditNoteUseCase', () => {
  let world: CreditNotesWorld;

  beforeEach(() => {
    world = new CreditNotesWorld();
  });

  function refunded(input: Partial<IssueRefundCreditNoteInput> & Pick<IssueRefundCreditNoteInput, 'accountId' | 'draftId'>) {
    return world.refundCreditNoteUseCase.execute(
      IssueRefundCreditNoteCommand.create({
        refundId: randomUUID(),
        amountMinor: 599,
        currency: 'EUR',
        reason: 'Storage removed the day after renewal',
        refundedAt: '2026-12-03T10:00:00.000Z',
        ...input,
      }),
      world.uow,
    );
  }

  it('credits the refunded line of a French invoice with the next number of its own series, pointing to the invoice', async () => {
    const invoice = await world.invoiced('fr-crm');
    const refundId = randomUUID();
    world.clock.set('2026-12-03T10:00:00.000Z');
    await refunded({ accountId: invoice.accountId, draftId: invoice.draftId, refundId });
    const [issued] = world.uow.dataOf(CreditNoteIssuedV1);
    expect(violationsOf(CreditNoteIssuedV1, issued)).toEqual([]);
    expect(issued).toMatchObject({
      accountId: invoice.accountId,
      invoiceId: invoice.id,
      invoiceNumber: invoice.number,
      invoiceIssueDate: invoice.issueDate,
      reason: 'refund',
      refundId,
      currency: 'EUR',
      locale: 'fr',
      lines: [invoice.lines[1]],
      totals: { netMinor: 499, vatMinor: 100, grossMinor: 599, paidMinor: 599, payableMinor: 0 },
      issueDate: '2026-12-03',
      recipients: ['paul@dupont.fr'],
    });
    expect(issued!.series).toMatch(/-CN-2026$/);
    expect(issued!.number).toBe(`${issued!.series}-000001`);
    expect(issued!.series).not.toBe(invoice.series);
    const row = world.creditNotes.rows.get(issued!.creditNoteId)!;
    expect(Buffer.from(row.pdf).subarray(0, 5).toString()).toBe('%PDF-');
    expect(issued!.pdf.sizeBytes).toBe(row.pdf.length);
  });

  it('issues one credit note per refund, even when the refund is announced twice', async () => {
    const invoice = await world.invoiced('fr-crm');
    const refundId = randomUUID();
    await refunded({ accountId: invoice.accountId, draftId: invoice.draftId, refundId });
    await refunded({ accountId: invoice.accountId, draftId: invoice.draftId, refundId });
    expect(world.uow.dataOf(CreditNoteIssuedV1)).toHaveLength(1);
    await refunded({ accountId: invoice.accountId, draftId: invoice.draftId, amountMinor: 2970 });
    expect(world.uow.dataOf(CreditNoteIssuedV1).map((c) => c.number.slice(-6))).toEqual(['000001', '000002']);
  });

  it('credits an amount that is no line to the cent, and never more than the invoice', async () => {
    const invoice = await world.invoiced('fr-crm');
    await refunded({ accountId: invoice.accountId, draftId: invoice.draftId, amountMinor: 2970 });
    expect(world.uow.dataOf(CreditNoteIssuedV1)[0]!.totals.grossMinor).toBe(2970);
    await expect(
      refunded({ accountId: invoice.accountId, draftId: invoice.draftId, amountMinor: invoice.totals.grossMinor }),
    ).rejects.toMatchObject({
      code: InvoicingErrorCode.CreditExceedsInvoice,
    });
  });

  it('waits (a retryable refusal) while the refunded payment has no invoice yet', async () => {
    const accountId = await world.signUp();
    await expect(refunded({ accountId, draftId: randomUUID() })).rejects.toMatchObject({
      code: InvoicingErrorCode.InvoiceNotYetIssued,
      kind: 'unavailable',
    });
  });
});
