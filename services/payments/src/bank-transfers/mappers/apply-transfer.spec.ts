import { randomUUID } from 'node:crypto';
import { PaymentEntity } from '../../payments/entities/payment.entity';
import { applyTransfer } from './apply-transfer';

describe('applyTransfer', () => {
  const at = new Date('2026-11-28T09:00:00Z');
  const awaiting = (fields: Partial<PaymentEntity> = {}): PaymentEntity => ({
    id: randomUUID(),
    accountId: randomUUID(),
    draftId: randomUUID(),
    amountMinor: 118_800,
    currency: 'EUR',
    paymentMethod: 'bank_transfer',
    status: 'processing',
    provider: 'bank',
    providerPaymentId: null,
    failureCode: null,
    failureMessage: null,
    traceHeaders: {},
    attempts: 1,
    firstFailedAt: null,
    nextRetryAt: null,
    dunning: null,
    transferReference: 'RF18539007547034',
    receivedMinor: 0,
    excessMinor: 0,
    createdAt: new Date('2026-11-20T09:00:00Z'),
    updatedAt: new Date('2026-11-20T09:00:00Z'),
    ...fields,
  });

  it('succeeds on the exact amount, naming the transfer that settled it', () => {
    const applied = applyTransfer(awaiting(), 118_800, 'FR76.../STMT-1/NtryRef:A1#1', at);
    expect(applied).toMatchObject({ succeeded: true, settlement: 'exact', dueBeforeMinor: 118_800, surplusMinor: 0 });
    expect(applied.payment).toMatchObject({
      status: 'succeeded',
      providerPaymentId: 'FR76.../STMT-1/NtryRef:A1#1',
      receivedMinor: 118_800,
      excessMinor: 0,
      updatedAt: at,
    });
  });

  it('keeps a partial payment open with what was received, then settles on the rest', () => {
    const first = applyTransfer(awaiting(), 50_000, 'k#1', at);
    expect(first).toMatchObject({ succeeded: false, settlement: 'partial', dueBeforeMinor: 118_800 });
    expect(first.payment).toMatchObject({ status: 'processing', receivedMinor: 50_000, providerPaymentId: null });
    const second = applyTransfer(first.payment, 68_800, 'k#2', at);
    expect(second).toMatchObject({ succeeded: true, settlement: 'exact', dueBeforeMinor: 68_800 });
    expect(second.payment).toMatchObject({ status: 'succeeded', receivedMinor: 118_800, providerPaymentId: 'k#2' });
  });

  it('records an excess to the minor unit, never rounded away', () => {
    const applied = applyTransfer(awaiting({ receivedMinor: 100_000 }), 18_801, 'k#1', at);
    expect(applied).toMatchObject({ succeeded: true, settlement: 'excess', dueBeforeMinor: 18_800, surplusMinor: 1 });
    expect(applied.payment).toMatchObject({ status: 'succeeded', receivedMinor: 118_801, excessMinor: 1 });
  });

  it('counts money for a payment already paid as excess, and does not succeed it twice', () => {
    const paid = awaiting({ status: 'succeeded', providerPaymentId: 'k#1', receivedMinor: 118_800 });
    const applied = applyTransfer(paid, 2_500, 'k#2', at);
    expect(applied).toMatchObject({ succeeded: false, settlement: 'excess', dueBeforeMinor: 0, surplusMinor: 2_500 });
    expect(applied.payment).toMatchObject({ providerPaymentId: 'k#1', receivedMinor: 121_300, excessMinor: 2_500 });
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses a transfer of %p minor units', (amount) => {
    expect(() => applyTransfer(awaiting(), amount, 'k', at)).toThrow(RangeError);
  });
});
