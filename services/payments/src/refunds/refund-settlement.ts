import { Injectable } from '@nestjs/common';
import { PaymentRefundedV1 } from '@obolus/contracts';
import { AccountClocks, UnitOfWork } from '@obolus/messaging';
import { Refund as PaypalRefund } from '@obolus/paypal';
import Stripe from 'stripe';
import { RefundEntity, RefundStatus } from './entities/refund.entity';
import { PaymentsRepository } from '../payments/payments.repository';
import { paymentRefunded, refundStatusOf } from './mappers/refund-outcome';
import { RefundsRepository } from './refunds.repository';

/**
 * The provider's word on a refund that was pending (a bank debit's refund settles days later at Stripe;
 * PayPal may hold one too): it becomes succeeded, and payment.refunded is published once, or failed, and
 * the money is refundable again.
 */
@Injectable()
export class RefundSettlement {
  constructor(
    private readonly refunds: RefundsRepository,
    private readonly payments: PaymentsRepository,
    private readonly clocks: AccountClocks,
  ) {}

  async onProviderRefund(providerRefund: Stripe.Refund, now: Date, uow: UnitOfWork): Promise<void> {
    if (typeof providerRefund.id !== 'string') return;
    await this.settle(
      uow,
      'stripe',
      providerRefund.id,
      refundStatusOf(providerRefund),
      providerRefund.failure_reason ?? null,
      now,
    );
  }

  /** PayPal's word on a refund of a capture (PAYMENT.CAPTURE.REFUNDED): COMPLETED, or FAILED / CANCELLED. */
  async onPaypalRefund(providerRefund: PaypalRefund, now: Date, uow: UnitOfWork): Promise<void> {
    if (typeof providerRefund.id !== 'string') return;
    const status: RefundStatus =
      providerRefund.status === 'COMPLETED'
        ? 'succeeded'
        : providerRefund.status === 'FAILED' || providerRefund.status === 'CANCELLED'
          ? 'failed'
          : 'pending';
    const failure = status === 'failed' ? `PayPal ${providerRefund.status.toLowerCase()} the refund` : null;
    await this.settle(uow, 'paypal', providerRefund.id, status, failure, now);
  }

  private async settle(
    uow: UnitOfWork,
    provider: RefundEntity['provider'],
    providerRefundId: string,
    status: RefundStatus,
    failureReason: string | null,
    now: Date,
  ): Promise<void> {
    const refund = await this.refunds.findByProviderId(uow, provider, providerRefundId);
    // A refund made outside Obolus (the provider's dashboard), or one whose request has not committed yet:
    // the request itself records it with the provider's answer, so nothing is lost by skipping it here.
    if (!refund || refund.status !== 'pending') return;
    if (status === 'pending') return;
    const settled = { ...refund, status, failureReason, updatedAt: now };
    await this.refunds.saveRefund(uow, settled);
    if (status !== 'succeeded') return;
    const payment = await this.payments.findPayment(uow, refund.accountId, refund.paymentId);
    if (!payment) return;
    const total = await this.refunds.refunded(uow, refund.accountId, refund.paymentId);
    // Dated in the account's business time, as the credit note that follows will be.
    await uow.emit(PaymentRefundedV1, paymentRefunded(settled, payment, total, await this.clocks.now(uow, refund.accountId)));
  }
}
