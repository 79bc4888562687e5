import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { context } from '@opentelemetry/api';
import { isUuid } from '@obolus/contracts';
import { contextFromTraceHeaders, OutboxWriter } from '@obolus/messaging';
import { ApiError, Clock, DATA_SOURCE, FieldError } from '@obolus/platform';
import Stripe from 'stripe';
import { DataSource, EntityManager } from 'typeorm';
import { STRIPE } from '../../../stripe/stripe.provider';
import { emitPaymentOutcome, settleFromIntent } from '../../mappers/payment-outcome';
import { PaymentsRepository } from '../../payments.repository';

export interface SignedWebhook {
  rawBody: Buffer | undefined;
  signature: string | undefined;
}

/**
 * A Stripe webhook: the signature is checked over the raw body exactly as Stripe signs it, the event is
 * stored once, and its effect (a default payment method, a payment's outcome) is written with the event
 * it causes in one transaction.
 */
@Injectable()
export class RecordProviderEventUseCase {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(STRIPE) private readonly stripe: Stripe,
    private readonly payments: PaymentsRepository,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    @Inject('STRIPE_WEBHOOK_SECRET') private readonly webhookSecret: string,
  ) {}

  async execute(webhook: SignedWebhook): Promise<{ received: true; duplicate: boolean }> {
    const event = this.verify(webhook);
    const duplicate = await this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const first = await this.payments.recordProviderEvent(manager, 'stripe', event.id, event.type, event, now);
      if (!first) return true;
      switch (event.type) {
        case 'setup_intent.succeeded':
          await this.onSetupSucceeded(manager, event.data.object as Stripe.SetupIntent, now);
          break;
        case 'payment_intent.succeeded':
          await this.onPaymentIntent(manager, event.data.object as Stripe.PaymentIntent, 'succeeded', now);
          break;
        case 'payment_intent.payment_failed':
          await this.onPaymentIntent(manager, event.data.object as Stripe.PaymentIntent, 'failed', now);
          break;
        default:
          // Stored for audit; no effect in Obolus.
          break;
      }
      return false;
    });
    return { received: true, duplicate };
  }

  private verify(webhook: SignedWebhook): Stripe.Event {
    if (!webhook.rawBody || !webhook.signature) {
      throw new ApiError(
        HttpStatus.BAD_REQUEST,
        'WEBHOOK_SIGNATURE_MISSING',
        'a Stripe-Signature header and a body are required',
      );
    }
    let event: Stripe.Event;
    try {
      event = this.stripe.webhooks.constructEvent(webhook.rawBody, webhook.signature, this.webhookSecret);
    } catch (error) {
      throw new ApiError(
        HttpStatus.BAD_REQUEST,
        'WEBHOOK_SIGNATURE_INVALID',
        `the webhook signature does not verify: ${(error as Error).message}`,
      );
    }
    const fields = providerEventProblems(event);
    if (fields.length) {
      throw new ApiError(
        HttpStatus.BAD_REQUEST,
        'WEBHOOK_EVENT_INVALID',
        `the webhook event is not one Obolus can record: ${fields.map((f) => `${f.field} ${f.reason}`).join('; ')}`,
        fields,
      );
    }
    return event;
  }

  private async onSetupSucceeded(manager: EntityManager, intent: Stripe.SetupIntent, now: Date): Promise<void> {
    const customerId = typeof intent.customer === 'string' ? intent.customer : intent.customer?.id;
    const methodId = typeof intent.payment_method === 'string' ? intent.payment_method : intent.payment_method?.id;
    if (!customerId || !methodId) return;
    const updated = await this.payments.setDefaultPaymentMethod(
      manager,
      customerId,
      methodId,
      intent.payment_method_types[0] ?? 'card',
      now,
    );
    if (updated === 0) {
      // The customer row commits in the request that created the SetupIntent; ask Stripe to retry.
      throw new ApiError(
        HttpStatus.SERVICE_UNAVAILABLE,
        'CUSTOMER_NOT_YET_RECORDED',
        `customer ${customerId} is not recorded yet`,
      );
    }
  }

  private async onPaymentIntent(
    manager: EntityManager,
    intent: Stripe.PaymentIntent,
    outcome: 'succeeded' | 'failed',
    now: Date,
  ): Promise<void> {
    const accountId = intent.metadata?.account_id;
    const paymentId = intent.metadata?.payment_id;
    if (!accountId || !paymentId) return;
    const payment = await this.payments.findPayment(manager, accountId, paymentId, true);
    if (!payment) {
      // The charge's own transaction has not committed yet; Stripe retries the webhook.
      throw new ApiError(HttpStatus.SERVICE_UNAVAILABLE, 'PAYMENT_NOT_YET_RECORDED', `payment ${paymentId} is not recorded yet`);
    }
    // A card charge was settled from Stripe's answer already; this webhook confirms it.
    const settled =
      outcome === 'succeeded'
        ? settleFromIntent(payment, { ...intent, status: 'succeeded' }, now)
        : settleFromIntent(payment, intent, now);
    if (!settled) return;
    await this.payments.savePayment(manager, payment);
    // The outcome continues the trace of the request that asked for the payment.
    await context.with(contextFromTraceHeaders(payment.traceHeaders), () =>
      emitPaymentOutcome((contract, event) => this.outbox.append(manager, contract, event), payment, now),
    );
  }
}

const PROVIDER_ID = /^[A-Za-z0-9_-]{1,255}$/;
const EVENT_TYPE = /^[a-z0-9_.]{1,255}$/;

/**
 * What a signed event must hold before it is stored: a signature proves who sent it, not that its fields
 * fit our tables. The ids are keys of provider_events, and the metadata names rows by UUID.
 */
export function providerEventProblems(event: Stripe.Event): FieldError[] {
  const fields: FieldError[] = [];
  const raw = event as unknown as { id?: unknown; type?: unknown; data?: { object?: unknown } };
  if (typeof raw.id !== 'string' || !PROVIDER_ID.test(raw.id))
    fields.push({ field: 'id', reason: 'must be a provider id of letters, digits, _ and -' });
  if (typeof raw.type !== 'string' || !EVENT_TYPE.test(raw.type)) fields.push({ field: 'type', reason: 'must be an event type' });
  const object = raw.data?.object;
  if (typeof object !== 'object' || object === null || Array.isArray(object)) {
    fields.push({ field: 'data.object', reason: 'must be an object' });
    return fields;
  }
  const metadata = (object as { metadata?: unknown }).metadata;
  if (metadata !== undefined && metadata !== null) {
    if (typeof metadata !== 'object' || Array.isArray(metadata)) {
      fields.push({ field: 'data.object.metadata', reason: 'must be an object' });
    } else {
      for (const key of ['account_id', 'payment_id']) {
        const value = (metadata as Record<string, unknown>)[key];
        if (Object.hasOwn(metadata, key) && !isUuid(value)) {
          fields.push({ field: `data.object.metadata.${key}`, reason: 'must be a UUID' });
        }
      }
    }
  }
  return fields;
}
