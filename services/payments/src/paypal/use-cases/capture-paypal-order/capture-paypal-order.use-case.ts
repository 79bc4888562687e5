import { Injectable, Logger } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { Order, PaypalApiError, PaypalClient } from '@obolus/paypal';
import { PaymentStatus } from '../../../payments/entities/payment.entity';
import { PaymentsError } from '../../../payments/payments.errors';
import { PaymentsRepository } from '../../../payments/payments.repository';
import { PaypalPaymentsRepository } from '../../paypal-payments.repository';
import { PaypalSettlement } from '../../paypal-settlement';
import { CapturePaypalOrderCommand } from './capture-paypal-order.command';

/** What the payer's return (and the approval webhook) learns: the payment and where it stands. */
export interface PaypalCheckoutView {
  paymentId: string;
  status: PaymentStatus;
  /** Set when PayPal wants the payer to approve again (a declined instrument). */
  approveUrl: string | null;
}

/**
 * Captures an approved PayPal order, from the payer's return (GET /paypal/return?token=…) or from
 * CHECKOUT.ORDER.APPROVED, whichever comes first: the payment row is locked, so the second waits and then
 * finds the payment settled (or its capture under way) and calls PayPal no more. PayPal is asked under a
 * PayPal-Request-Id derived from the payment, so a capture that reached PayPal and then lost its
 * transaction gets the same capture back; ORDER_ALREADY_CAPTURED is read from the order. The capture's
 * answer settles the payment at once (PaypalSettlement); PAYMENT.CAPTURE.COMPLETED then confirms it.
 * An order not approved yet is left alone; a declined instrument leaves the payment processing with the
 * link PayPal gives for approving again.
 */
@Injectable()
export class CapturePaypalOrderUseCase {
  private readonly logger = new Logger(CapturePaypalOrderUseCase.name);

  constructor(
    private readonly paypal: PaypalClient,
    private readonly paypalPayments: PaypalPaymentsRepository,
    private readonly payments: PaymentsRepository,
    private readonly settlement: PaypalSettlement,
  ) {}

  async execute(command: CapturePaypalOrderCommand, uow: UnitOfWork): Promise<PaypalCheckoutView> {
    const payment = await this.paypalPayments.findByOrder(uow, command.orderId, true);
    if (!payment) throw PaymentsError.paypalOrderNotFound(command.orderId);
    if (payment.status !== 'processing' || payment.providerPaymentId) return viewOf(payment);
    let order: Order;
    try {
      order = await this.paypal.captureOrder(command.orderId, { requestId: `obolus-capture-${payment.id}` });
    } catch (error) {
      if (!(error instanceof PaypalApiError) || error.retryable) {
        throw PaymentsError.providerUnavailable('PayPal', (error as Error).message);
      }
      if (error.issue === 'ORDER_ALREADY_CAPTURED') {
        order = await this.paypal.getOrder(command.orderId);
      } else if (error.issue === 'INSTRUMENT_DECLINED') {
        this.logger.warn(`PayPal order ${command.orderId}: the payer's instrument was declined; they must approve again`);
        const latest = await this.paypal.getOrder(command.orderId);
        const link =
          latest.links.find((l) => l.rel === 'payer-action' || l.rel === 'approve')?.href ?? payment.approveUrl ?? null;
        await this.payments.savePayment(uow, { ...payment, approveUrl: link });
        return { ...viewOf(payment), approveUrl: link };
      } else {
        // ORDER_NOT_APPROVED and the like: nothing to capture yet.
        this.logger.warn(`PayPal order ${command.orderId} not captured: ${error.message}`);
        return viewOf(payment);
      }
    }
    const capture = order.purchase_units[0]?.payments?.captures?.[0];
    if (!capture) return viewOf(payment);
    return viewOf(await this.settlement.onCapture(uow, payment, capture));
  }
}

function viewOf(payment: { id: string; status: PaymentStatus; approveUrl?: string | null }): PaypalCheckoutView {
  return {
    paymentId: payment.id,
    status: payment.status,
    approveUrl: payment.status === 'processing' ? (payment.approveUrl ?? null) : null,
  };
}
