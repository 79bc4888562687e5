import { describeProblems } from '@obolus/contracts';
import { DomainError, ErrorKind, FieldProblem } from '@obolus/platform';

export enum PaymentsErrorCode {
  WebhookSignatureMissing = 'WEBHOOK_SIGNATURE_MISSING',
  WebhookSignatureInvalid = 'WEBHOOK_SIGNATURE_INVALID',
  WebhookEventInvalid = 'WEBHOOK_EVENT_INVALID',
  CustomerNotYetRecorded = 'CUSTOMER_NOT_YET_RECORDED',
  PaymentNotYetRecorded = 'PAYMENT_NOT_YET_RECORDED',
}

const kinds: Record<PaymentsErrorCode, ErrorKind> = {
  [PaymentsErrorCode.WebhookSignatureMissing]: 'invalid',
  [PaymentsErrorCode.WebhookSignatureInvalid]: 'invalid',
  [PaymentsErrorCode.WebhookEventInvalid]: 'invalid',
  // The row commits in another transaction a moment later: Stripe retries the webhook on a 503.
  [PaymentsErrorCode.CustomerNotYetRecorded]: 'unavailable',
  [PaymentsErrorCode.PaymentNotYetRecorded]: 'unavailable',
};

/** Every refusal of the payments service, one code each. */
export class PaymentsError extends DomainError<PaymentsErrorCode> {
  private constructor(code: PaymentsErrorCode, message: string, fields: FieldProblem[] = []) {
    super(code, message, fields, kinds[code]);
  }

  static webhookSignatureMissing(): PaymentsError {
    return new PaymentsError(PaymentsErrorCode.WebhookSignatureMissing, 'a Stripe-Signature header and a body are required');
  }

  static webhookSignatureInvalid(reason: string): PaymentsError {
    return new PaymentsError(PaymentsErrorCode.WebhookSignatureInvalid, `the webhook signature does not verify: ${reason}`);
  }

  static webhookEventInvalid(fields: FieldProblem[]): PaymentsError {
    return new PaymentsError(
      PaymentsErrorCode.WebhookEventInvalid,
      `the webhook event is not one Obolus can record: ${describeProblems(fields)}`,
      fields,
    );
  }

  static customerNotYetRecorded(providerCustomerId: string): PaymentsError {
    return new PaymentsError(PaymentsErrorCode.CustomerNotYetRecorded, `customer ${providerCustomerId} is not recorded yet`);
  }

  static paymentNotYetRecorded(paymentId: string): PaymentsError {
    return new PaymentsError(PaymentsErrorCode.PaymentNotYetRecorded, `payment ${paymentId} is not recorded yet`);
  }
}
