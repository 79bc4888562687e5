import { CreditNoteIssuedV1, StaffActionTakenV1 } from '@obolus/contracts';
import { randomUUID } from 'node:crypto';
import { InvoicingErrorCode } from '../../../invoicing.errors';
import { CreditNotesWorld } from '../../test-support/credit-notes-world';
import { CorrectInvoiceCommand, CorrectInvoiceInput } from './correct-invoice.command';

/** The support agent correcting invoices from the console. */
const SUPPORT = { staffUserId: '7d1c1a52-6a4c-4b8e-9a55-0e1b3f9d2c10', staffEmail: 'support@obolus.example' };

describe('CorrectInvoiceUseCase', () => {
  let world: CreditNotesWorld;

  beforeEach(() => {
    world = new CreditNotesWorld();
  });

  function correct(input: Partial<CorrectInvoiceInput> & Pick<CorrectInvoiceInput, 'accountId' | 'invoiceId'>) {
    return world.correctInvoiceUseCase.execute(
      CorrectInvoiceCommand.create({
        reason: 'Wrong seat count',
        idempotencyKey: 'fix-1',
        requestedBy: 'staff:7',
        ...SUPPORT,
        ...input,
      }),
      world.uow,
    );
  }

  it('credits a whole Romanian invoice in RON, with its VAT, as a correction by a named staff member', async () => {
    const invoice = await world.invoiced('ro-crm');
    const issued = await correct({ accountId: invoice.accountId, invoiceId: invoice.id });
    expect(issued).toMatchObject({
      reason: 'correction',
      requestedBy: 'staff:7',
      invoiceId: invoice.id,
      currency: 'RON',
      refundId: null,
    });
    expect(issued.totals).toEqual({ ...invoice.totals, paidMinor: 0, payableMinor: invoice.totals.grossMinor });
    expect(issued.lines).toEqual(invoice.lines);
    expect(world.uow.dataOf(CreditNoteIssuedV1)).toEqual([expect.objectContaining({ reason: 'correction', locale: 'ro' })]);
    // Who corrected the invoice, and why, for the account's audit log.
    expect(world.uow.dataOf(StaffActionTakenV1)).toEqual([
      {
        accountId: invoice.accountId,
        ...SUPPORT,
        action: 'credit-note.issued',
        reason: 'Wrong seat count',
        subject: { type: 'invoice', id: invoice.id },
        details: {
          creditNoteId: issued.id,
          creditNoteNumber: issued.number,
          grossMinor: invoice.totals.grossMinor,
          currency: 'RON',
          lines: 'all',
        },
        occurredAt: issued.issuedAt.toISOString(),
      },
    ]);
  });

  it('credits some lines, answers a repeat with the same credit note, and refuses the key for another request', async () => {
    const invoice = await world.invoiced('fr-crm');
    const first = await correct({ accountId: invoice.accountId, invoiceId: invoice.id, lines: [1] });
    expect(first.totals.grossMinor).toBe(599);
    await expect(correct({ accountId: invoice.accountId, invoiceId: invoice.id, lines: [1] })).resolves.toMatchObject({
      id: first.id,
    });
    expect(world.uow.dataOf(CreditNoteIssuedV1)).toHaveLength(1);
    await expect(correct({ accountId: invoice.accountId, invoiceId: invoice.id, reason: 'Other' })).rejects.toMatchObject({
      code: InvoicingErrorCode.IdempotencyKeyReused,
    });
  });

  it('refuses a line the invoice does not have, a second full credit, and another account', async () => {
    const invoice = await world.invoiced('fr-crm');
    await expect(correct({ accountId: invoice.accountId, invoiceId: invoice.id, lines: [2] })).rejects.toMatchObject({
      code: InvoicingErrorCode.InvoiceLineNotFound,
      fields: [{ field: 'lines', reason: 'must be line positions from 0 to 1' }],
    });
    await correct({ accountId: invoice.accountId, invoiceId: invoice.id });
    await expect(
      correct({ accountId: invoice.accountId, invoiceId: invoice.id, idempotencyKey: 'fix-2', lines: [0] }),
    ).rejects.toMatchObject({
      code: InvoicingErrorCode.CreditExceedsInvoice,
    });
    await expect(correct({ accountId: randomUUID(), invoiceId: invoice.id, idempotencyKey: 'fix-3' })).rejects.toMatchObject({
      code: InvoicingErrorCode.InvoiceNotFound,
    });
  });

  it('refuses bad input by field', () => {
    const base = {
      accountId: randomUUID(),
      invoiceId: randomUUID(),
      reason: 'Wrong seat count',
      idempotencyKey: 'k',
      requestedBy: 's',
      ...SUPPORT,
    };
    expect(() => CorrectInvoiceCommand.create({ ...base, lines: [] })).toThrow(/lines/);
    expect(() => CorrectInvoiceCommand.create({ ...base, lines: [-1] })).toThrow(/lines/);
    expect(() => CorrectInvoiceCommand.create({ ...base, lines: [0.5] })).toThrow(/lines/);
    expect(() => CorrectInvoiceCommand.create({ ...base, idempotencyKey: '' })).toThrow(/Idempotency-Key/);
    expect(() => CorrectInvoiceCommand.create({ ...base, reason: '' })).toThrow(/reason/);
    expect(() => CorrectInvoiceCommand.create({ ...base, reason: 'no' })).toThrow(/reason/);
    expect(() => CorrectInvoiceCommand.create({ ...base, staffEmail: 'not-an-email' })).toThrow(/staffEmail/);
  });
});
