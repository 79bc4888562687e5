import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { Clock, FieldProblem } from '@obolus/platform';
import { Capture, Order, PaypalClient, Refund, WebhookEvent } from '@obolus/paypal';
import { PaymentsError, PaymentsErrorCode } from '../../../payments/payments.errors';
import { PaymentsRepository } from '../../../payments/payments.repository';
import { RefundSettlement } from '../../../refunds/refund-settlement';
import { ProviderEventReceipt } from '../../../payments/use-cases/record-provider-event/record-provider-event.use-case';
import { PaypalPaymentsRepository } from '../../paypal-payments.repository';
import { PaypalSettings } from '../../paypal-settings';
import { PaypalSettlement } from '../../paypal-settlement';
import { CapturePaypalOrderCommand } from '../capture-paypal-order/capture-paypal-order.command';
import { CapturePaypalOrderUseCase } from '../capture-paypal-order/capture-paypal-order.use-case';
import { RecordPaypalEventCommand } from './record-paypal-event.command';

/**
 * A PayPal webhook. PayPal itself says whether it is genuine (verify-webhook-signature, asked with the raw
 * body byte for byte and the webhook's id); one it does not verify is refused 400 and changes nothing.
 * A verified event is stored once (PayPal redelivers) and takes effect in the same unit of work:
 * CHECKOUT.ORDER.APPROVED captures the order; PAYMENT.CAPTURE.COMPLETED / DENIED settle the payment
 * when the capture's own answer has not already; PAYMENT.CAPTURE.REFUNDED settles a refund left pending.
 * Events about orders or refunds Obolus did not make are stored only.
 */
@Injectable()
export class RecordPaypalEventUseCase {
  constructor(
    private readonly paypal: PaypalClient,
    private readonly settings: PaypalSettings,
    private readonly payments: PaymentsRepository,
    private readonly paypalPayments: PaypalPaymentsRepository,
    private readonly settlement: PaypalSettlement,
    private readonly captureOrder: CapturePaypalOrderUseCase,
    private readonly clock: Clock,
    private readonly refunds: RefundSettlement,
  ) {}

  async execute(command: RecordPaypalEventCommand, uow: UnitOfWork): Promise<ProviderEventReceipt> {
    const event = await this.verify(command);
    const stored = { provider: 'paypal', id: event.id, type: event.event_type, payload: event };
    if (!(await this.payments.recordProviderEvent(uow, stored, this.clock.now()))) return { received: true, duplicate: true };
    switch (event.event_type) {
      case 'CHECKOUT.ORDER.APPROVED':
        await this.onOrderApproved(event.resource as Order, uow);
        break;
      case 'PAYMENT.CAPTURE.COMPLETED':
      case 'PAYMENT.CAPTURE.DENIED':
      case 'PAYMENT.CAPTURE.PENDING':
        await this.onCapture(event.resource as Capture, uow);
        break;
      case 'PAYMENT.CAPTURE.REFUNDED':
        // A refund PayPal answered PENDING settles here; one answered COMPLETED was recorded then.
        await this.refunds.onPaypalRefund(event.resource as Refund, this.clock.now(), uow);
        break;
      default:
        // Stored for audit; no effect in Obolus.
        break;
    }
    return { received: true, duplicate: false };
  }

  private async verify({ rawBody, headers }: RecordPaypalEventCommand): Promise<WebhookEvent> {
    if (!rawBody?.length) throw PaymentsError.webhookSignatureInvalid('the body is empty');
    const text = rawBody.toString('utf8');
    let verdict: string;
    try {
      verdict = (await this.paypal.verifyWebhookSignature(headers, text, this.settings.webhookId)).verification_status;
    } catch (error) {
      throw PaymentsError.providerUnavailable('PayPal', `the webhook could not be verified: ${(error as Error).message}`);
    }
    if (verdict !== 'SUCCESS') throw PaymentsError.webhookSignatureInvalid('PayPal did not verify its transmission signature');
    const event = JSON.parse(text) as WebhookEvent;
    const fields: FieldProblem[] = [];
    if (typeof event?.id !== 'string' || !event.id) fields.push({ field: 'id', reason: 'must be the event id' });
    if (typeof event?.event_type !== 'string') fields.push({ field: 'event_type', reason: 'must be a string' });
    if (typeof event?.resource !== 'object' || event.resource === null)
      fields.push({ field: 'resource', reason: 'must be an object' });
    if (fields.length) throw PaymentsError.webhookEventInvalid(fields);
    return event;
  }

  private async onOrderApproved(order: Order, uow: UnitOfWork): Promise<void> {
    if (typeof order.id !== 'string') return;
    try {
      await this.captureOrder.execute(CapturePaypalOrderCommand.create({ orderId: order.id }), uow);
    } catch (error) {
      // An order Obolus did not make: nothing to capture.
      if (error instanceof PaymentsError && error.code === PaymentsErrorCode.PaypalOrderNotFound) return;
      throw error;
    }
  }

  private async onCapture(capture: Capture, uow: UnitOfWork): Promise<void> {
    const orderId = capture.supplementary_data?.related_ids?.order_id;
    if (typeof capture.id !== 'string' || typeof orderId !== 'string') return;
    const payment = await this.paypalPayments.findByOrder(uow, orderId, true);
    if (!payment) return;
    await this.settlement.onCapture(uow, payment, capture);
  }
}
