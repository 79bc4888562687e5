import { PaymentEntity } from '../../payments/entities/payment.entity';
import { TransferSettlement } from '../entities/bank-transfer.entity';

export interface TransferApplied {
  /** The payment with the money added: succeeded when it reached the amount asked, else still processing. */
  payment: PaymentEntity;
  /** What the payment still awaited before this transfer; 0 or less when it was already paid. */
  dueBeforeMinor: number;
  settlement: TransferSettlement;
  /** Received beyond what was due, by this transfer. */
  surplusMinor: number;
  /** True when this transfer is the one that completed the payment: payment.succeeded follows. */
  succeeded: boolean;
}

/**
 * Adds a bank transfer to the payment it pays. Reaching the amount asked makes the payment succeed, with
 * `settledBy` (the statement transaction, or the staff transfer) as its provider payment id; less keeps
 * it open with what was received so far; more is kept as excess. Nothing is rounded. Money arriving for
 * a payment already paid is all excess. The currency is the caller's to check: it never converts.
 */
export function applyTransfer(payment: PaymentEntity, amountMinor: number, settledBy: string, at: Date): TransferApplied {
  if (!Number.isSafeInteger(amountMinor) || amountMinor <= 0) throw new RangeError(`a transfer of ${amountMinor} minor units`);
  const receivedBefore = payment.receivedMinor ?? 0;
  const received = receivedBefore + amountMinor;
  const dueBeforeMinor = payment.amountMinor - receivedBefore;
  const alreadyPaid = payment.status === 'succeeded';
  const reached = received >= payment.amountMinor;
  const excess = Math.max(received - payment.amountMinor, 0);
  const surplusMinor = excess - (payment.excessMinor ?? 0);
  const settlement: TransferSettlement = !reached ? 'partial' : surplusMinor > 0 ? 'excess' : 'exact';
  const succeeded = reached && !alreadyPaid;
  return {
    payment: {
      ...payment,
      receivedMinor: received,
      excessMinor: excess,
      ...(succeeded ? { status: 'succeeded' as const, providerPaymentId: settledBy } : {}),
      updatedAt: at,
    },
    dueBeforeMinor,
    settlement,
    surplusMinor,
    succeeded,
  };
}
