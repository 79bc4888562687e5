import { Injectable, Logger } from '@nestjs/common';
import { AccountClocks, UnitOfWork } from '@obolus/messaging';
import { StripeGateway } from '../../../stripe/stripe-gateway';
import { Dunning } from '../../dunning';
import { SavedMethods } from '../../saved-methods';
import { PaymentEntity } from '../../entities/payment.entity';
import { paymentOutcome } from '../../mappers/payment-outcome';
import { settleFromIntent } from '../../mappers/settle-payment';
import { PaymentsRepository } from '../../payments.repository';
import { RetryPaymentCommand } from './retry-payment.command';

/**
 * A planned try of a failed payment (P4), in the unit of work of its durable job: the account's current
 * method of the payment's kind (the one saved last, a new one included) is charged off-session under an idempotency key of this try (a job run twice charges
 * once). A card answers at once: success issues the invoice (payment.succeeded), failure plans the next
 * try or exhausts the payment. A bank debit stays processing until its webhook settles it the same way.
 */
@Injectable()
export class RetryPaymentUseCase {
  private readonly logger = new Logger(RetryPaymentUseCase.name);

  constructor(
    private readonly stripe: StripeGateway,
    private readonly payments: PaymentsRepository,
    private readonly clocks: AccountClocks,
    private readonly dunning: Dunning,
    private readonly savedMethods: SavedMethods,
  ) {}

  async execute(command: RetryPaymentCommand, uow: UnitOfWork): Promise<void> {
    const payment = await this.payments.findPayment(uow, command.accountId, command.paymentId, true);
    // Paid meanwhile, tried already, or no longer in dunning: nothing to do.
    if (!payment || payment.status !== 'failed' || payment.dunning !== 'retrying' || payment.attempts + 1 !== command.attempt)
      return;
    const now = await this.clocks.timeOfEffect(uow, command.accountId, command.dueAt);
    const trying: PaymentEntity = {
      ...payment,
      attempts: command.attempt,
      status: 'processing',
      nextRetryAt: null,
      updatedAt: now,
    };
    const method = await this.savedMethods.forPayment(uow, command.accountId, payment.paymentMethod);
    if (!method) {
      const failed = await this.dunning.afterFailure(
        uow,
        {
          ...trying,
          status: 'failed',
          failureCode: 'no_payment_method',
          failureMessage: `the account has no saved ${payment.paymentMethod} payment method`,
        },
        now,
      );
      return this.settle(failed, now, uow);
    }
    const { intent, declineCode } = await this.stripe.chargeOffSession(
      {
        amount: payment.amountMinor,
        currency: payment.currency.toLowerCase(),
        customer: method.customerId,
        payment_method: method.id,
        allowed_payment_method_types: [method.type],
        ...(method.mandateId ? { mandate: method.mandateId } : {}),
        off_session: true,
        confirm: true,
        description: `Retry ${command.attempt} of payment ${payment.id}`,
        metadata: {
          account_id: payment.accountId,
          draft_id: payment.draftId,
          payment_id: payment.id,
          attempt: String(command.attempt),
        },
      },
      `obolus-draft-${payment.draftId}-try-${command.attempt}`,
    );
    if (declineCode !== undefined) this.logger.warn(`retry ${command.attempt} of payment ${payment.id} declined: ${declineCode}`);
    const charged: PaymentEntity = { ...trying, providerPaymentId: intent?.id ?? null };
    let settled = intent
      ? settleFromIntent(charged, intent, now)
      : {
          ...charged,
          status: 'failed' as const,
          failureCode: declineCode ?? 'payment_failed',
          failureMessage: 'the payment was declined',
        };
    if (settled?.status === 'failed') settled = await this.dunning.afterFailure(uow, settled, now);
    if (!settled) return this.payments.savePayment(uow, charged);
    return this.settle(settled, now, uow);
  }

  private async settle(payment: PaymentEntity, now: Date, uow: UnitOfWork): Promise<void> {
    await this.payments.savePayment(
      uow,
      payment.status === 'succeeded' ? { ...payment, dunning: null, nextRetryAt: null } : payment,
    );
    const { contract, event } = paymentOutcome(payment, now);
    await uow.emit(contract, event);
  }
}
