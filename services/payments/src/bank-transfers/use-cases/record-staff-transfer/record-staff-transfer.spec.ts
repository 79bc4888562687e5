import { PaymentSucceededV1, StaffActionTakenV1 } from '@obolus/contracts';
import { InvalidCommandError } from '@obolus/platform';
import { InMemoryAccountClocks, RecordingUnitOfWork, SettableClock } from '@obolus/testing';
import { randomUUID } from 'node:crypto';
import { PaymentEntity } from '../../../payments/entities/payment.entity';
import { PaymentsRepository } from '../../../payments/payments.repository';
import { InMemoryPayments } from '../../../payments/test-support/in-memory-payments';
import { BankTransfersRepository } from '../../bank-transfers.repository';
import { InMemoryBankTransfers } from '../../test-support/in-memory-bank-transfers';
import { AwaitBankTransferCommand } from '../await-bank-transfer/await-bank-transfer.command';
import { AwaitBankTransferUseCase } from '../await-bank-transfer/await-bank-transfer.use-case';
import { SUPPORT } from '../../test-support/staff';
import { RecordStaffTransferCommand, RecordStaffTransferInput } from './record-staff-transfer.command';
import { RecordStaffTransferUseCase } from './record-staff-transfer.use-case';

describe('RecordStaffTransferUseCase', () => {
  const clock = new SettableClock(new Date('2026-11-28T08:00:00Z'));
  let payments: InMemoryPayments;
  let transfers: InMemoryBankTransfers;
  let record: RecordStaffTransferUseCase;
  let uow: RecordingUnitOfWork;
  let payment: PaymentEntity;

  beforeEach(async () => {
    payments = new InMemoryPayments();
    transfers = new InMemoryBankTransfers(payments);
    const clocks = new InMemoryAccountClocks(clock);
    record = new RecordStaffTransferUseCase(
      transfers as unknown as BankTransfersRepository,
      payments as unknown as PaymentsRepository,
      clocks,
    );
    uow = new RecordingUnitOfWork(clock);
    const draftId = randomUUID();
    await new AwaitBankTransferUseCase(transfers as unknown as BankTransfersRepository, clocks).execute(
      AwaitBankTransferCommand.create({
        accountId: randomUUID(),
        draftId,
        amountMinor: 540_000,
        currency: 'RON',
        transferReference: 'RF18539007547034',
        requestedAt: '2026-11-20T09:00:00Z',
      }),
      uow,
    );
    payment = [...payments.payments.values()][0];
  });

  const command = (fields: Partial<RecordStaffTransferInput> = {}) =>
    RecordStaffTransferCommand.create({
      accountId: payment.accountId,
      paymentId: payment.id,
      amountMinor: 540_000,
      currency: 'RON',
      receivedOn: '2026-11-27',
      payerName: 'SC Ștefănescu Țesătorie SRL',
      reason: 'ordin de plată seen on the BT portal, statement not exported',
      ...SUPPORT,
      idempotencyKey: 'op-2026-11-27-1',
      recordedBy: 'staff:ana',
      ...fields,
    });

  it('settles the payment, publishes payment.succeeded with provider bank, and keeps who recorded it and why', async () => {
    const view = await record.execute(command(), uow);
    expect(view.payment).toEqual({
      id: payment.id,
      status: 'succeeded',
      amountMinor: 540_000,
      receivedMinor: 540_000,
      excessMinor: 0,
      currency: 'RON',
    });
    expect(view.transfer).toMatchObject({
      source: 'staff',
      rule: 'staff',
      recordedBy: 'staff:ana',
      note: 'ordin de plată seen on the BT portal, statement not exported',
      settlement: 'exact',
    });
    expect(uow.dataOf(PaymentSucceededV1)).toEqual([
      expect.objectContaining({
        provider: 'bank',
        amountMinor: 540_000,
        providerPaymentId: `staff-transfer:${view.transfer.id}`,
      }),
    ]);
    expect(uow.dataOf(StaffActionTakenV1)).toEqual([
      {
        accountId: payment.accountId,
        staffUserId: SUPPORT.staffUserId,
        staffEmail: SUPPORT.staffEmail,
        action: 'bank-transfer.recorded',
        reason: 'ordin de plată seen on the BT portal, statement not exported',
        subject: { type: 'payment', id: payment.id },
        details: {
          transferId: view.transfer.id,
          amountMinor: 540_000,
          currency: 'RON',
          receivedOn: '2026-11-27',
          paymentStatus: 'succeeded',
        },
        occurredAt: expect.any(String),
      },
    ]);
  });

  it('answers a repeated request with its transfer, and refuses the key reused for another', async () => {
    const first = await record.execute(command({ amountMinor: 100_000 }), uow);
    const again = await record.execute(command({ amountMinor: 100_000 }), uow);
    expect(again.transfer).toEqual(first.transfer);
    expect(transfers.transfers.size).toBe(1);
    expect(payments.payments.get(payment.id)).toMatchObject({ status: 'processing', receivedMinor: 100_000 });
    await expect(record.execute(command({ amountMinor: 200_000 }), uow)).rejects.toThrow(
      expect.objectContaining({ code: 'IDEMPOTENCY_KEY_REUSED' }),
    );
  });

  it('refuses another currency, another reference, and a payment already paid, writing nothing', async () => {
    await expect(record.execute(command({ currency: 'EUR' }), uow)).rejects.toThrow(
      expect.objectContaining({ code: 'TRANSFER_CURRENCY_MISMATCH' }),
    );
    await expect(record.execute(command({ reference: 'RF712348231' }), uow)).rejects.toThrow(
      expect.objectContaining({ code: 'TRANSFER_REFERENCE_MISMATCH' }),
    );
    expect(transfers.transfers.size).toBe(0);
    await record.execute(command(), uow);
    await expect(record.execute(command({ idempotencyKey: 'op-2' }), uow)).rejects.toThrow(
      expect.objectContaining({ code: 'PAYMENT_NOT_AWAITING_TRANSFER' }),
    );
  });

  it('resolves an unmatched statement transaction it names, which then leaves the unmatched list', async () => {
    const key = 'RO16BTRLRONCRT0123456701/EXT-229/AcctSvcrRef:BT1#1';
    transfers.entries.push({
      statementId: randomUUID(),
      transactionKey: key,
      entryKey: key.slice(0, -2),
      outcome: 'unmatched',
      reason: 'no-candidate',
      detail: 'no open proforma awaits 540000 RON minor units',
      amountMinor: 540_000,
      currency: 'RON',
      direction: 'credit',
      bookingDate: '2026-11-27',
      payerName: 'SC Ștefănescu Țesătorie SRL',
      payerIban: null,
      references: [],
      candidatePaymentIds: [],
      paymentId: null,
    });
    await expect(
      record.execute(command({ statementTransactionKey: 'FR76/none/index:1#1', idempotencyKey: 'k-0' }), uow),
    ).rejects.toThrow(expect.objectContaining({ code: 'STATEMENT_ENTRY_NOT_UNMATCHED' }));
    await expect(
      record.execute(command({ statementTransactionKey: key, amountMinor: 500_000, idempotencyKey: 'k-1' }), uow),
    ).rejects.toThrow(expect.objectContaining({ code: 'TRANSFER_ENTRY_MISMATCH' }));
    // The unit of work that refused rolls back in Postgres; the in-memory rows are put back by hand.
    transfers.entries[0] = { ...transfers.entries[0], outcome: 'unmatched', paymentId: null };
    transfers.transfers.clear();
    const view = await record.execute(command({ statementTransactionKey: key }), uow);
    expect(view.payment.status).toBe('succeeded');
    expect(transfers.entries[0]).toMatchObject({ outcome: 'matched', paymentId: payment.id });
    expect(await transfers.unmatchedEntries()).toEqual([]);
  });

  it.each([
    ['amountMinor', { amountMinor: 0 }],
    ['amountMinor', { amountMinor: 1.5 }],
    ['amountMinor', { amountMinor: Number.MAX_SAFE_INTEGER }],
    ['currency', { currency: 'XYZ' }],
    ['currency', { currency: 'ron' }],
    ['receivedOn', { receivedOn: '2026-02-30' }],
    ['reference', { reference: 'RF00 1234' }],
    ['Idempotency-Key', { idempotencyKey: '' }],
    ['reason', { reason: '' }],
    ['reason', { reason: 'ok' }],
    ['staffUserId', { staffUserId: 'ana' }],
    ['paymentId', { paymentId: 'not-a-uuid' }],
    ['statementTransactionKey', { statementTransactionKey: 'a key with spaces' }],
  ])('refuses a bad %s', (field, fields) => {
    expect(() => command(fields)).toThrow(InvalidCommandError);
    expect(() => command(fields)).toThrow(expect.objectContaining({ fields: [expect.objectContaining({ field })] }));
  });
});
