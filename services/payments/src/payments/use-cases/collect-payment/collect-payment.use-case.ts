import { Inject, Injectable, Logger } from '@nestjs/common';
import { context } from '@opentelemetry/api';
import { CloudEvent, InvoicePaymentRequestedV1Data } from '@obolus/contracts';
import { captureTraceHeaders, EventHandlerContext } from '@obolus/messaging';
import { Clock, nameBasedUuid } from '@obolus/platform';
import Stripe from 'stripe';
import { STRIPE } from '../../../stripe/stripe.provider';
import { emitPaymentOutcome, settleFromIntent } from '../../mappers/payment-outcome';
import { PaymentsRepository } from '../../payments.repository';

/** Methods Obolus collects itself, off-session, through Stripe (P1). Bank transfers wait for the money. */
const COLLECTED = new Set(['card', 'sepa_debit', 'ach_debit']);

/**
 * Charges the account's saved payment method for a requested amount. The PaymentIntent is created
 * with an idempotency key derived from the draft, so a redelivered request never charges twice. A card
 * charge's outcome is known from Stripe's answer and is recorded at once; a debit's arrives later by
 * signed webhook (see RecordProviderEventUseCase), which also confirms the card's and then does nothing.
 */
@Injectable()
export class CollectPaymentUseCase {
  private readonly logger = new Logger(CollectPaymentUseCase.name);

  constructor(
    @Inject(STRIPE) private readonly stripe: Stripe,
    private readonly payments: PaymentsRepository,
    private readonly clock: Clock,
  ) {}

  async execute(event: CloudEvent<InvoicePaymentRequestedV1Data>, { manager, emit }: EventHandlerContext): Promise<void> {
    const request = event.data;
    if (!COLLECTED.has(request.paymentMethod)) return;
    if (await this.payments.findPaymentForDraft(manager, request.accountId, request.draftId)) return;
    const now = this.clock.now();
    // The same id on every try: a try that reached Stripe and then lost its transaction (Postgres
    // went away) must send Stripe the very same request under the draft's idempotency key.
    const paymentId = nameBasedUuid('obolus.payments.payment-for-draft', request.draftId);
    const customer = await this.payments.findCustomer(manager, request.accountId);
    const payment = {
      id: paymentId,
      accountId: request.accountId,
      draftId: request.draftId,
      amountMinor: request.amountDueMinor,
      currency: request.currency,
      paymentMethod: request.paymentMethod,
      status: 'processing' as const,
      provider: 'stripe' as const,
      providerPaymentId: null as string | null,
      failureCode: null as string | null,
      failureMessage: null as string | null,
      traceHeaders: captureTraceHeaders(context.active()) as Record<string, string>,
      createdAt: now,
      updatedAt: now,
    };
    if (!customer?.defaultPaymentMethodId) {
      const failed = {
        ...payment,
        status: 'failed' as const,
        failureCode: 'no_payment_method',
        failureMessage: 'the account has no saved payment method',
      };
      await this.payments.insertPayment(manager, failed);
      await emitPaymentOutcome(emit, failed, now);
      return;
    }
    await this.payments.insertPayment(manager, payment);
    try {
      const intent = await this.stripe.paymentIntents.create(
        {
          amount: request.amountDueMinor,
          currency: request.currency.toLowerCase(),
          customer: customer.providerCustomerId,
          payment_method: customer.defaultPaymentMethodId,
          allowed_payment_method_types: [(customer.defaultPaymentMethodType ?? 'card') as 'card'],
          off_session: true,
          confirm: true,
          description: request.description,
          metadata: { account_id: request.accountId, draft_id: request.draftId, payment_id: paymentId },
        },
        { idempotencyKey: `obolus-draft-${request.draftId}` },
      );
      payment.providerPaymentId = intent.id;
      // Waiting for the webhook alone would lose the outcome if every delivery of it came while this
      // transaction was still open (a slow Stripe, a busy consumer).
      if (settleFromIntent(payment, intent, now)) await emitPaymentOutcome(emit, payment, now);
    } catch (error) {
      // A declined off-session payment still has its PaymentIntent, with the decline.
      const declined = error as { type?: string; raw?: { payment_intent?: Stripe.PaymentIntent }; code?: string };
      if (declined.type !== 'StripeCardError') throw error;
      payment.providerPaymentId = declined.raw?.payment_intent?.id ?? null;
      this.logger.warn(`payment for draft ${request.draftId} declined: ${declined.code}`);
      const declinedIntent = declined.raw?.payment_intent;
      if (declinedIntent && settleFromIntent(payment, declinedIntent, now)) await emitPaymentOutcome(emit, payment, now);
    }
    await this.payments.savePayment(manager, payment);
  }
}
