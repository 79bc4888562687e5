import { Injectable } from '@nestjs/common';
import { PaymentRefundedV1 } from '@obolus/contracts';
import { AccountClocks, UnitOfWork } from '@obolus/messaging';
import { nameBasedUuid } from '@obolus/platform';
import { PaymentsError } from '../../../payments/payments.errors';
import { PaymentsRepository } from '../../../payments/payments.repository';
import { StripeGateway } from '../../../stripe/stripe-gateway';
import { RefundEntity } from '../../entities/refund.entity';
import { paymentRefunded, refundStatusOf } from '../../mappers/refund-outcome';
import { RefundsRepository } from '../../refunds.repository';
import { RefundPaymentCommand } from './refund-payment.command';

/** The refund as staff see it. */
export type RefundView = Omit<RefundEntity, 'idempotencyKey'>;

/**
 * A staff refund goes back to the original payment at Stripe. The payment row is locked, so two
 * refunds of one payment queue and the second sees the first: what is pending or refunded can never
 * exceed what was paid. The refund's id comes from the account and the Idempotency-Key, and Stripe is
 * asked under a key derived from it, so a retried request (even after a rollback) reaches the same
 * Stripe refund. A card refund succeeds at once and publishes payment.refunded in this unit of work;
 * a bank debit's refund stays pending until Stripe's webhook says it went through.
 */
@Injectable()
export class RefundPaymentUseCase {
  constructor(
    private readonly stripe: StripeGateway,
    private readonly payments: PaymentsRepository,
    private readonly refunds: RefundsRepository,
    private readonly clocks: AccountClocks,
  ) {}

  async execute(command: RefundPaymentCommand, uow: UnitOfWork): Promise<RefundView> {
    const payment = await this.payments.findPayment(uow, command.accountId, command.paymentId, true);
    if (!payment) throw PaymentsError.paymentNotFound(command.paymentId);
    const earlier = await this.refunds.findByIdempotencyKey(uow, command.accountId, command.idempotencyKey);
    if (earlier) return this.sameRequest(earlier, command);
    if (payment.status !== 'succeeded' || !payment.providerPaymentId) {
      throw PaymentsError.paymentNotRefundable(payment.id, payment.status);
    }
    const refundable = payment.amountMinor - (await this.refunds.refundedOrPending(uow, payment.accountId, payment.id));
    const amountMinor = command.amountMinor ?? refundable;
    if (amountMinor > refundable || amountMinor <= 0) {
      throw PaymentsError.refundExceedsPayment(amountMinor, refundable, payment.currency);
    }
    const id = nameBasedUuid(`obolus-refund:${command.accountId}`, command.idempotencyKey);
    const answer = await this.stripe.refund(
      {
        payment_intent: payment.providerPaymentId,
        amount: amountMinor,
        reason: 'requested_by_customer',
        metadata: { account_id: payment.accountId, payment_id: payment.id, refund_id: id },
      },
      `obolus-refund-${id}`,
    );
    if ('refusal' in answer) throw PaymentsError.refundRefusedByProvider(answer.refusal);
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
      status: refundStatusOf(answer.refund),
      provider: 'stripe',
      providerRefundId: answer.refund.id,
      failureReason: answer.refund.failure_reason ?? null,
      requestedBy: command.requestedBy,
      createdAt: now,
      updatedAt: now,
    };
    await this.refunds.insertRefund(uow, refund);
    if (refund.status === 'succeeded') {
      const total = await this.refunds.refunded(uow, payment.accountId, payment.id);
      await uow.emit(PaymentRefundedV1, paymentRefunded(refund, payment, total, now));
    }
    return viewOf(refund);
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
