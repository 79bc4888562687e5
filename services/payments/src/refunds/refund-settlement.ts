import { Injectable } from '@nestjs/common';
import { PaymentRefundedV1 } from '@obolus/contracts';
import { AccountClocks, UnitOfWork } from '@obolus/messaging';
import Stripe from 'stripe';
import { PaymentsRepository } from '../payments/payments.repository';
import { paymentRefunded, refundStatusOf } from './mappers/refund-outcome';
import { RefundsRepository } from './refunds.repository';

/**
 * Stripe's word on a refund that was pending (a bank debit's refund settles days later): it becomes
 * succeeded, and payment.refunded is published once, or failed, and the money is refundable again.
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
    const refund = await this.refunds.findByProviderId(uow, 'stripe', providerRefund.id);
    // A refund made outside Obolus (the Stripe dashboard), or one whose request has not committed yet:
    // the request itself records it with Stripe's answer, so nothing is lost by skipping it here.
    if (!refund || refund.status !== 'pending') return;
    const status = refundStatusOf(providerRefund);
    if (status === 'pending') return;
    const settled = { ...refund, status, failureReason: providerRefund.failure_reason ?? null, updatedAt: now };
    await this.refunds.saveRefund(uow, settled);
    if (status !== 'succeeded') return;
    const payment = await this.payments.findPayment(uow, refund.accountId, refund.paymentId);
    if (!payment) return;
    const total = await this.refunds.refunded(uow, refund.accountId, refund.paymentId);
    // Dated in the account's business time, as the credit note that follows will be.
    await uow.emit(PaymentRefundedV1, paymentRefunded(settled, payment, total, await this.clocks.now(uow, refund.accountId)));
  }
}
