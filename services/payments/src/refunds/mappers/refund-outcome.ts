import { PaymentRefundedV1 } from '@obolus/contracts';
import { NewEvent } from '@obolus/messaging';
import Stripe from 'stripe';
import { PaymentEntity } from '../../payments/entities/payment.entity';
import { RefundEntity, RefundStatus } from '../entities/refund.entity';

/** Our status of a Stripe Refund: requires_action and pending are both still on their way. */
export function refundStatusOf(refund: Pick<Stripe.Refund, 'status'>): RefundStatus {
  if (refund.status === 'succeeded') return 'succeeded';
  if (refund.status === 'failed' || refund.status === 'canceled') return 'failed';
  return 'pending';
}

/** payment.refunded for a refund that went through; `refundedTotalMinor` includes it. */
export function paymentRefunded(
  refund: RefundEntity,
  payment: Pick<PaymentEntity, 'draftId' | 'amountMinor'>,
  refundedTotalMinor: number,
  at: Date,
): NewEvent<typeof PaymentRefundedV1> {
  return {
    accountId: refund.accountId,
    subject: refund.id,
    data: {
      accountId: refund.accountId,
      paymentId: refund.paymentId,
      refundId: refund.id,
      draftId: payment.draftId,
      amountMinor: refund.amountMinor,
      refundedTotalMinor,
      paymentAmountMinor: payment.amountMinor,
      currency: refund.currency,
      provider: refund.provider,
      providerRefundId: refund.providerRefundId ?? '',
      reason: refund.reason,
      refundedAt: at.toISOString(),
    },
  };
}
