import { Injectable, Logger } from '@nestjs/common';
import { context } from '@opentelemetry/api';
import { AccountClocks, contextFromTraceHeaders, UnitOfWork } from '@obolus/messaging';
import { Capture, fromPaypalMoney } from '@obolus/paypal';
import { PaymentEntity } from '../payments/entities/payment.entity';
import { paymentOutcome } from '../payments/mappers/payment-outcome';
import { PaymentsRepository } from '../payments/payments.repository';

/**
 * A PayPal capture settles its payment, once: COMPLETED makes it succeeded (payment.succeeded, provider
 * paypal, the capture id as provider payment id), DECLINED or FAILED makes it failed (payment.failed; no
 * retries, PayPal cannot be charged without the payer). PENDING keeps it processing for the webhook that
 * follows. Whichever comes first of the capture's answer and PayPal's webhook settles; the other finds the
 * payment settled and does nothing. The payment row is locked by the caller.
 */
@Injectable()
export class PaypalSettlement {
  private readonly logger = new Logger(PaypalSettlement.name);

  constructor(
    private readonly payments: PaymentsRepository,
    private readonly clocks: AccountClocks,
  ) {}

  async onCapture(uow: UnitOfWork, payment: PaymentEntity, capture: Capture): Promise<PaymentEntity> {
    if (payment.status !== 'processing') return payment;
    if (payment.providerPaymentId && payment.providerPaymentId !== capture.id) return payment;
    if (!this.capturesPayment(payment, capture)) return payment;
    const now = await this.clocks.now(uow, payment.accountId);
    let settled: PaymentEntity;
    if (capture.status === 'COMPLETED') {
      settled = { ...payment, status: 'succeeded', providerPaymentId: capture.id, approveUrl: null, updatedAt: now };
    } else if (capture.status === 'DECLINED' || capture.status === 'FAILED') {
      settled = {
        ...payment,
        status: 'failed',
        providerPaymentId: capture.id,
        approveUrl: null,
        failureCode: `paypal_capture_${capture.status.toLowerCase()}`,
        failureMessage: `PayPal ${capture.status.toLowerCase()} the capture${capture.status_details ? ` (${capture.status_details.reason})` : ''}`,
        updatedAt: now,
      };
    } else {
      if (payment.providerPaymentId !== capture.id) {
        await this.payments.savePayment(uow, { ...payment, providerPaymentId: capture.id, updatedAt: now });
      }
      return payment;
    }
    await this.payments.savePayment(uow, settled);
    const { contract, event } = paymentOutcome(settled, now);
    // The outcome continues the trace of the request that asked for the payment.
    await context.with(contextFromTraceHeaders(settled.traceHeaders), () => uow.emit(contract, event));
    return settled;
  }

  /** The capture is for this payment, of exactly its amount: anything else settles nothing. */
  private capturesPayment(payment: PaymentEntity, capture: Capture): boolean {
    let amount: { amountMinor: number; currency: string };
    try {
      amount = fromPaypalMoney(capture.amount);
    } catch {
      amount = { amountMinor: NaN, currency: '' };
    }
    const ours =
      (capture.custom_id === undefined || capture.custom_id === payment.id) &&
      amount.amountMinor === payment.amountMinor &&
      amount.currency === payment.currency;
    if (!ours) {
      this.logger.error(
        `PayPal capture ${capture.id} (${capture.amount?.value} ${capture.amount?.currency_code}, custom_id ${capture.custom_id}) does not match payment ${payment.id} (${payment.amountMinor} ${payment.currency}): not settled`,
      );
    }
    return ours;
  }
}
