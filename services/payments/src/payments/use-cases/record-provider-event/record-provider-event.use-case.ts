import { Injectable, Optional } from '@nestjs/common';
import { context } from '@opentelemetry/api';
import { AccountClocks, contextFromTraceHeaders, UnitOfWork } from '@obolus/messaging';
import { Clock } from '@obolus/platform';
import Stripe from 'stripe';
import { RefundSettlement } from '../../../refunds/refund-settlement';
import { StripeGateway } from '../../../stripe/stripe-gateway';
import { StripeWebhookVerifier } from '../../../stripe/stripe-webhook-verifier';
import { Dunning } from '../../dunning';
import { paymentOutcome } from '../../mappers/payment-outcome';
import { settleFromIntent } from '../../mappers/settle-payment';
import { PaymentsError } from '../../payments.errors';
import { PaymentsRepository } from '../../payments.repository';
import { providerEventProblems } from './provider-event-problems';
import { RecordProviderEventCommand } from './record-provider-event.command';

export interface ProviderEventReceipt {
  received: true;
  /** True when this event had been recorded already (Stripe redelivers). */
  duplicate: boolean;
}

/**
 * A Stripe webhook: the signature is checked over the raw body exactly as Stripe signs it, the event is
 * stored once, and its effect (a default payment method, a payment's outcome) is written with the event
 * it causes in the same unit of work.
 */
@Injectable()
export class RecordProviderEventUseCase {
  constructor(
    private readonly verifier: StripeWebhookVerifier,
    private readonly payments: PaymentsRepository,
    private readonly clock: Clock,
    private readonly clocks: AccountClocks,
    private readonly dunning: Dunning,
    private readonly refunds: RefundSettlement,
    /** Asked for the type of a method set up through a SetupIntent that allowed several. */
    @Optional() private readonly stripe?: StripeGateway,
  ) {}

  async execute(command: RecordProviderEventCommand, uow: UnitOfWork): Promise<ProviderEventReceipt> {
    const event = this.verify(command);
    const now = this.clock.now();
    const stored = { provider: 'stripe', id: event.id, type: event.type, payload: event };
    if (!(await this.payments.recordProviderEvent(uow, stored, now))) return { received: true, duplicate: true };
    switch (event.type) {
      case 'setup_intent.succeeded':
        await this.onSetupSucceeded(event.data.object, now, uow);
        break;
      case 'payment_intent.succeeded':
        await this.onPaymentIntent({ ...event.data.object, status: 'succeeded' }, uow);
        break;
      case 'payment_intent.payment_failed':
        await this.onPaymentIntent(event.data.object, uow);
        break;
      case 'refund.updated':
      case 'charge.refund.updated':
        await this.refunds.onProviderRefund(event.data.object, now, uow);
        break;
      default:
        // Stored for audit; no effect in Obolus.
        break;
    }
    return { received: true, duplicate: false };
  }

  private verify({ rawBody, signature }: RecordProviderEventCommand): Stripe.Event {
    let event: Stripe.Event;
    try {
      event = this.verifier.constructEvent(rawBody, signature);
    } catch (error) {
      throw PaymentsError.webhookSignatureInvalid((error as Error).message);
    }
    const fields = providerEventProblems(event);
    if (fields.length) throw PaymentsError.webhookEventInvalid(fields);
    return event;
  }

  private async onSetupSucceeded(intent: Stripe.SetupIntent, now: Date, uow: UnitOfWork): Promise<void> {
    const accountId = intent.metadata?.account_id;
    const customerId = typeof intent.customer === 'string' ? intent.customer : intent.customer?.id;
    const methodId = typeof intent.payment_method === 'string' ? intent.payment_method : intent.payment_method?.id;
    if (!accountId || !customerId || !methodId) return;
    const type =
      intent.payment_method_types.length === 1 || !this.stripe
        ? (intent.payment_method_types[0] ?? 'card')
        : await this.stripe.paymentMethodType(methodId);
    const method = { id: methodId, type };
    const updated = await this.payments.setDefaultPaymentMethod(uow, accountId, customerId, method, now);
    // The customer row commits in the request that created the SetupIntent; ask Stripe to retry.
    if (updated === 0) throw PaymentsError.customerNotYetRecorded(customerId);
    // The method of its type, with the mandate a bank debit was set up under: what a subscription bought
    // with that type is charged with.
    const mandate = typeof intent.mandate === 'string' ? intent.mandate : (intent.mandate?.id ?? null);
    await this.payments.savePaymentMethod(uow, {
      accountId,
      type,
      providerMethodId: methodId,
      mandateId: mandate,
      updatedAt: now,
    });
    // P4: a payment waiting for its next try is tried at once with the new method.
    const businessNow = await this.clocks.now(uow, accountId);
    for (const payment of await this.payments.findRetrying(uow, accountId)) {
      await this.dunning.retryNow(uow, payment, businessNow);
    }
  }

  /** A card charge was settled from Stripe's answer already: then this webhook only confirms it. */
  private async onPaymentIntent(intent: Stripe.PaymentIntent, uow: UnitOfWork): Promise<void> {
    const accountId = intent.metadata?.account_id;
    const paymentId = intent.metadata?.payment_id;
    if (!accountId || !paymentId) return;
    const payment = await this.payments.findPayment(uow, accountId, paymentId, true);
    // The charge's own transaction has not committed yet; Stripe retries the webhook.
    if (!payment) throw PaymentsError.paymentNotYetRecorded(paymentId);
    // The answer about an earlier try of a payment that has been tried again since: nothing to settle.
    if (payment.providerPaymentId && payment.providerPaymentId !== intent.id) return;
    // A bank debit settles days after it was asked for: on a test clock, at the clock's time.
    const settledAt = await this.clocks.now(uow, accountId);
    let settled = settleFromIntent(payment, intent, settledAt);
    if (!settled) return;
    if (settled.status === 'failed') settled = await this.dunning.afterFailure(uow, settled, settledAt);
    await this.payments.savePayment(uow, settled);
    const { contract, event } = paymentOutcome(settled, settledAt);
    // The outcome continues the trace of the request that asked for the payment.
    await context.with(contextFromTraceHeaders(settled.traceHeaders), () => uow.emit(contract, event));
  }
}
