import { Injectable, Logger } from '@nestjs/common';
import { PaymentMethodKind } from '@obolus/contracts';
import { AccountClocks, UnitOfWork } from '@obolus/messaging';
import Stripe from 'stripe';
import { AwaitBankTransferCommand } from '../../../bank-transfers/use-cases/await-bank-transfer/await-bank-transfer.command';
import { AwaitBankTransferUseCase } from '../../../bank-transfers/use-cases/await-bank-transfer/await-bank-transfer.use-case';
import { StripeGateway } from '../../../stripe/stripe-gateway';
import { Dunning } from '../../dunning';
import { ChargeableMethod, SavedMethods } from '../../saved-methods';
import { PaymentEntity } from '../../entities/payment.entity';
import { paymentForDraft } from '../../mappers/payment-for-draft';
import { paymentOutcome } from '../../mappers/payment-outcome';
import { settleFromIntent } from '../../mappers/settle-payment';
import { PaymentsRepository } from '../../payments.repository';
import { CollectPaymentCommand } from './collect-payment.command';

/** Methods Obolus collects itself, off-session, through Stripe (P1). Bank transfers wait for the money (P2, P3). */
const COLLECTED = new Set<PaymentMethodKind>(['card', 'sepa_debit', 'ach_debit']);

/**
 * Charges the account's saved method of the kind the subscription was bought with (a card, a SEPA or an
 * ACH debit), whatever its default method is, for a requested amount. The PaymentIntent is created
 * with an idempotency key derived from the draft, so a redelivered request never charges twice. A card
 * charge's outcome is known from Stripe's answer and is recorded at once, in this unit of work; a
 * debit's arrives later by signed webhook (see RecordProviderEventUseCase), which also confirms the
 * card's and then does nothing.
 */
@Injectable()
export class CollectPaymentUseCase {
  private readonly logger = new Logger(CollectPaymentUseCase.name);

  constructor(
    private readonly stripe: StripeGateway,
    private readonly payments: PaymentsRepository,
    private readonly clocks: AccountClocks,
    private readonly dunning: Dunning,
    private readonly awaitBankTransfer: AwaitBankTransferUseCase,
    private readonly savedMethods: SavedMethods,
  ) {}

  async execute(command: CollectPaymentCommand, uow: UnitOfWork): Promise<void> {
    if (command.paymentMethod === 'bank_transfer' && command.transferReference) {
      const { transferReference } = command;
      return this.awaitBankTransfer.execute(AwaitBankTransferCommand.fromPaymentRequest({ ...command, transferReference }), uow);
    }
    if (!COLLECTED.has(command.paymentMethod)) return;
    if (await this.payments.findPaymentForDraft(uow, command.accountId, command.draftId)) return;
    const now = await this.clocks.timeOfEffect(uow, command.accountId, new Date(command.requestedAt));
    const payment = this.processingPayment(command, now);
    const method = await this.savedMethods.forPayment(uow, command.accountId, command.paymentMethod);
    if (!method) {
      await this.recordWithoutMethod(payment, now, uow);
      return;
    }
    await this.payments.insertPayment(uow, payment);
    const intent = await this.charge(command, payment.id, method);
    const charged: PaymentEntity = { ...payment, providerPaymentId: intent?.id ?? null };
    // Waiting for the webhook alone would lose the outcome if every delivery of it came while this
    // transaction was still open (a slow Stripe, a busy consumer).
    let settled = intent ? settleFromIntent(charged, intent, now) : null;
    if (settled?.status === 'failed') settled = await this.dunning.afterFailure(uow, settled, now);
    if (settled) await this.emitOutcome(settled, now, uow);
    await this.payments.savePayment(uow, settled ?? charged);
  }

  private processingPayment(command: CollectPaymentCommand, now: Date): PaymentEntity {
    const { accountId, draftId, amountDueMinor: amountMinor, currency, paymentMethod } = command;
    return paymentForDraft({ accountId, draftId, amountMinor, currency, paymentMethod, provider: 'stripe' }, now);
  }

  private async recordWithoutMethod(payment: PaymentEntity, now: Date, uow: UnitOfWork): Promise<void> {
    const failed = await this.dunning.afterFailure(
      uow,
      {
        ...payment,
        status: 'failed',
        failureCode: 'no_payment_method',
        failureMessage: `the account has no saved ${payment.paymentMethod} payment method`,
      },
      now,
    );
    await this.payments.insertPayment(uow, failed);
    await this.emitOutcome(failed, now, uow);
  }

  /**
   * Charges the method the subscription was bought with off-session (a bank debit under the mandate it was
   * set up with); Stripe's PaymentIntent, or null when a decline came without one.
   */
  private async charge(
    command: CollectPaymentCommand,
    paymentId: string,
    method: ChargeableMethod,
  ): Promise<Stripe.PaymentIntent | null> {
    const { intent, declineCode } = await this.stripe.chargeOffSession(
      {
        amount: command.amountDueMinor,
        currency: command.currency.toLowerCase(),
        customer: method.customerId,
        payment_method: method.id,
        allowed_payment_method_types: [method.type],
        ...(method.mandateId ? { mandate: method.mandateId } : {}),
        off_session: true,
        confirm: true,
        description: command.description,
        metadata: { account_id: command.accountId, draft_id: command.draftId, payment_id: paymentId },
      },
      `obolus-draft-${command.draftId}`,
    );
    if (declineCode !== undefined) this.logger.warn(`payment for draft ${command.draftId} declined: ${declineCode}`);
    return intent;
  }

  private async emitOutcome(payment: PaymentEntity, now: Date, uow: UnitOfWork): Promise<void> {
    const { contract, event } = paymentOutcome(payment, now);
    await uow.emit(contract, event);
  }
}
