import { Injectable } from '@nestjs/common';
import { PaymentRefundedV1, StaffActionTakenV1 } from '@obolus/contracts';
import { staffActionTaken } from '@obolus/operations';
import { AccountClocks, UnitOfWork } from '@obolus/messaging';
import { nameBasedUuid } from '@obolus/platform';
import { PaypalApiError, PaypalClient, Refund as PaypalRefund, toPaypalMoney } from '@obolus/paypal';
import { PaymentEntity } from '../../../payments/entities/payment.entity';
import { PaymentsError } from '../../../payments/payments.errors';
import { PaymentsRepository } from '../../../payments/payments.repository';
import { StripeGateway } from '../../../stripe/stripe-gateway';
import { RefundEntity, RefundStatus } from '../../entities/refund.entity';
import { paymentRefunded, refundStatusOf } from '../../mappers/refund-outcome';
import { RefundsRepository } from '../../refunds.repository';
import { RefundPaymentCommand } from './refund-payment.command';

type ProviderRefund = Pick<RefundEntity, 'status' | 'provider' | 'providerRefundId' | 'failureReason'>;

/** The refund as staff see it. */
export type RefundView = Omit<RefundEntity, 'idempotencyKey'>;

/**
 * A staff refund goes back to the original payment at Stripe. The payment row is locked, so two
 * refunds of one payment queue and the second sees the first: what is pending or refunded can never
 * exceed what was paid. The refund's id comes from the account and the Idempotency-Key, and Stripe is
 * asked under a key derived from it, so a retried request (even after a rollback) reaches the same
 * Stripe refund. A card refund succeeds at once and publishes payment.refunded in this unit of work;
 * a bank debit's refund stays pending until Stripe's webhook says it went through. A PayPal payment is
 * refunded on its capture at PayPal, under a PayPal-Request-Id derived from the refund, in the same way. A
 * bank transfer has no provider to send money back through: it is refused (422), nothing is written.
 * A new refund publishes `staff.action-taken` (who refunded, and why) in its unit of work.
 */
@Injectable()
export class RefundPaymentUseCase {
  constructor(
    private readonly stripe: StripeGateway,
    private readonly payments: PaymentsRepository,
    private readonly refunds: RefundsRepository,
    private readonly clocks: AccountClocks,
    private readonly paypal: PaypalClient,
  ) {}

  async execute(command: RefundPaymentCommand, uow: UnitOfWork): Promise<RefundView> {
    const payment = await this.payments.findPayment(uow, command.accountId, command.paymentId, true);
    if (!payment) throw PaymentsError.paymentNotFound(command.paymentId);
    const earlier = await this.refunds.findByIdempotencyKey(uow, command.accountId, command.idempotencyKey);
    if (earlier) return this.sameRequest(earlier, command);
    if (payment.status !== 'succeeded' || !payment.providerPaymentId) {
      throw PaymentsError.paymentNotRefundable(payment.id, payment.status);
    }
    if (payment.provider === 'bank') throw PaymentsError.refundNotThroughProvider(payment.id, payment.provider);
    const refundable = payment.amountMinor - (await this.refunds.refundedOrPending(uow, payment.accountId, payment.id));
    const amountMinor = command.amountMinor ?? refundable;
    if (amountMinor > refundable || amountMinor <= 0) {
      throw PaymentsError.refundExceedsPayment(amountMinor, refundable, payment.currency);
    }
    const id = nameBasedUuid(`obolus-refund:${command.accountId}`, command.idempotencyKey);
    const sent =
      payment.provider === 'paypal'
        ? await this.refundAtPaypal(payment, id, amountMinor, command.reason)
        : await this.refundAtStripe(payment, id, amountMinor);
    // The account's business time: on a test clock, the credit note that follows is dated on it.
    const now = await this.clocks.now(uow, payment.accountId);
    const refund: RefundEntity = {
      id,
      accountId: payment.accountId,
      paymentId: payment.id,
      idempotencyKey: command.idempotencyKey,
      amountMinor,
      currency: payment.currency,
      reason: command.reason,
      ...sent,
      requestedBy: command.requestedBy,
      createdAt: now,
      updatedAt: now,
    };
    await this.refunds.insertRefund(uow, refund);
    await uow.emit(
      StaffActionTakenV1,
      staffActionTaken(command, 'payment.refunded', payment.accountId, now, {
        subject: { type: 'payment', id: payment.id },
        details: { refundId: id, amountMinor, currency: payment.currency, status: refund.status, provider: refund.provider },
      }),
    );
    if (refund.status === 'succeeded') {
      const total = await this.refunds.refunded(uow, payment.accountId, payment.id);
      await uow.emit(PaymentRefundedV1, paymentRefunded(refund, payment, total, now));
    }
    return viewOf(refund);
  }

  private async refundAtStripe(payment: PaymentEntity, id: string, amountMinor: number): Promise<ProviderRefund> {
    const answer = await this.stripe.refund(
      {
        payment_intent: payment.providerPaymentId!,
        amount: amountMinor,
        reason: 'requested_by_customer',
        metadata: { account_id: payment.accountId, payment_id: payment.id, refund_id: id },
      },
      `obolus-refund-${id}`,
    );
    if ('refusal' in answer) throw PaymentsError.refundRefusedByProvider(answer.refusal);
    return {
      status: refundStatusOf(answer.refund),
      provider: 'stripe',
      providerRefundId: answer.refund.id,
      failureReason: answer.refund.failure_reason ?? null,
    };
  }

  /** A refund of the PayPal capture (the payment's provider payment id), for the amount asked. */
  private async refundAtPaypal(payment: PaymentEntity, id: string, amountMinor: number, reason: string): Promise<ProviderRefund> {
    let refund: PaypalRefund;
    try {
      refund = await this.paypal.refundCapture(
        payment.providerPaymentId!,
        {
          amount: toPaypalMoney({ amountMinor, currency: payment.currency }),
          custom_id: id,
          note_to_payer: reason.slice(0, 255),
        },
        { requestId: `obolus-refund-${id}` },
      );
    } catch (error) {
      if (error instanceof PaypalApiError && !error.retryable) throw PaymentsError.refundRefusedByProvider(error.message);
      throw PaymentsError.providerUnavailable('PayPal', (error as Error).message);
    }
    const status: RefundStatus = refund.status === 'COMPLETED' ? 'succeeded' : refund.status === 'PENDING' ? 'pending' : 'failed';
    return {
      status,
      provider: 'paypal',
      providerRefundId: refund.id,
      failureReason: status === 'failed' ? `PayPal ${refund.status.toLowerCase()} the refund` : null,
    };
  }

  /** A repeat of a request answers its refund; the key used for another request is refused. */
  private sameRequest(earlier: RefundEntity, command: RefundPaymentCommand): RefundView {
    const same =
      earlier.paymentId === command.paymentId &&
      earlier.reason === command.reason &&
      (command.amountMinor === undefined || earlier.amountMinor === command.amountMinor);
    if (!same) throw PaymentsError.idempotencyKeyReused(command.idempotencyKey);
    return viewOf(earlier);
  }
}

export function viewOf({ idempotencyKey: _key, ...view }: RefundEntity): RefundView {
  return view;
}
