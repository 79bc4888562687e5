import { Injectable, Logger } from '@nestjs/common';
import { AccountClocks, UnitOfWork } from '@obolus/messaging';
import { approvalUrl, CreateOrderRequest, Order, PaypalApiError, PaypalClient, toPaypalMoney } from '@obolus/paypal';
import { PaymentEntity } from '../../../payments/entities/payment.entity';
import { paymentForDraft } from '../../../payments/mappers/payment-for-draft';
import { paymentOutcome } from '../../../payments/mappers/payment-outcome';
import { PaymentsError } from '../../../payments/payments.errors';
import { PaymentsRepository } from '../../../payments/payments.repository';
import { PAYPAL_CURRENCY, PaypalSettings } from '../../paypal-settings';
import { StartPaypalCheckoutCommand } from './start-paypal-checkout.command';

/**
 * A payment asked for with PayPal (P2) becomes a PayPal order (Orders v2, intent CAPTURE) for the amount
 * due, which the payer approves at the link kept on the payment (`approveUrl`, shown by GET
 * /accounts/:accountId/payments); the capture follows the approval. PayPal is asked under a
 * PayPal-Request-Id derived from the draft, and the payment's id is derived from the draft too, so a
 * redelivered request finds the payment, and a try that reached PayPal and then lost its transaction gets
 * the same order back. The order carries the draft as invoice_id and the payment as custom_id.
 *
 * PayPal is sold in US dollars only: the purchase refuses anything else; a request in another currency
 * that still arrives is logged and left alone. PayPal unreachable is retried (the event is redelivered);
 * PayPal refusing the order fails the payment.
 */
@Injectable()
export class StartPaypalCheckoutUseCase {
  private readonly logger = new Logger(StartPaypalCheckoutUseCase.name);

  constructor(
    private readonly paypal: PaypalClient,
    private readonly settings: PaypalSettings,
    private readonly payments: PaymentsRepository,
    private readonly clocks: AccountClocks,
  ) {}

  async execute(command: StartPaypalCheckoutCommand, uow: UnitOfWork): Promise<void> {
    if (command.currency !== PAYPAL_CURRENCY) {
      this.logger.warn(
        `PayPal payment for draft ${command.draftId} asked in ${command.currency}: PayPal takes ${PAYPAL_CURRENCY} only, nothing done`,
      );
      return;
    }
    if (await this.payments.findPaymentForDraft(uow, command.accountId, command.draftId)) return;
    const now = await this.clocks.timeOfEffect(uow, command.accountId, new Date(command.requestedAt));
    const payment = this.pendingPayment(command, now);
    let order: Order;
    try {
      order = await this.paypal.createOrder(this.orderRequest(command, payment.id), {
        requestId: `obolus-draft-${command.draftId}`,
      });
    } catch (error) {
      if (error instanceof PaypalApiError && !error.retryable) return this.refused(payment, error, now, uow);
      throw PaymentsError.providerUnavailable('PayPal', (error as Error).message);
    }
    await this.payments.insertPayment(uow, { ...payment, providerOrderId: order.id, approveUrl: approvalUrl(order) ?? null });
  }

  private orderRequest(command: StartPaypalCheckoutCommand, paymentId: string): CreateOrderRequest {
    return {
      intent: 'CAPTURE',
      purchase_units: [
        {
          reference_id: command.draftId,
          invoice_id: command.draftId,
          custom_id: paymentId,
          description: command.description.slice(0, 127),
          amount: toPaypalMoney({ amountMinor: command.amountMinor, currency: command.currency }),
        },
      ],
      payment_source: {
        paypal: {
          experience_context: {
            brand_name: 'Obolus',
            shipping_preference: 'NO_SHIPPING',
            user_action: 'PAY_NOW',
            return_url: this.settings.returnUrl,
          },
        },
      },
    };
  }

  private pendingPayment(command: StartPaypalCheckoutCommand, now: Date): PaymentEntity {
    const { accountId, draftId, amountMinor, currency } = command;
    const payment = paymentForDraft(
      { accountId, draftId, amountMinor, currency, paymentMethod: 'paypal', provider: 'paypal' },
      now,
    );
    return { ...payment, providerOrderId: null, approveUrl: null };
  }

  /** PayPal will not make this order (an amount it refuses, an app it does not know): the payment fails. */
  private async refused(payment: PaymentEntity, error: PaypalApiError, now: Date, uow: UnitOfWork): Promise<void> {
    this.logger.error(`PayPal refused the order for draft ${payment.draftId}: ${error.message}`);
    const failed: PaymentEntity = {
      ...payment,
      status: 'failed',
      failureCode: `paypal_${(error.issue ?? error.errorName).toLowerCase()}`,
      failureMessage: `PayPal refused the order: ${error.message}`,
    };
    await this.payments.insertPayment(uow, failed);
    const { contract, event } = paymentOutcome(failed, now);
    await uow.emit(contract, event);
  }
}
