import { describeProblems } from '@obolus/contracts';
import { DomainError, ErrorKind, FieldProblem } from '@obolus/platform';

export enum PaymentsErrorCode {
  WebhookSignatureMissing = 'WEBHOOK_SIGNATURE_MISSING',
  WebhookSignatureInvalid = 'WEBHOOK_SIGNATURE_INVALID',
  WebhookEventInvalid = 'WEBHOOK_EVENT_INVALID',
  CustomerNotYetRecorded = 'CUSTOMER_NOT_YET_RECORDED',
  PaymentNotYetRecorded = 'PAYMENT_NOT_YET_RECORDED',
  PaymentNotFound = 'PAYMENT_NOT_FOUND',
  PaymentNotRefundable = 'PAYMENT_NOT_REFUNDABLE',
  RefundExceedsPayment = 'REFUND_EXCEEDS_PAYMENT',
  IdempotencyKeyReused = 'IDEMPOTENCY_KEY_REUSED',
  RefundRefusedByProvider = 'REFUND_REFUSED_BY_PROVIDER',
  StatementMissing = 'STATEMENT_MISSING',
  PaymentNotAwaitingTransfer = 'PAYMENT_NOT_AWAITING_TRANSFER',
  TransferCurrencyMismatch = 'TRANSFER_CURRENCY_MISMATCH',
  TransferReferenceMismatch = 'TRANSFER_REFERENCE_MISMATCH',
  StatementEntryNotUnmatched = 'STATEMENT_ENTRY_NOT_UNMATCHED',
  TransferEntryMismatch = 'TRANSFER_ENTRY_MISMATCH',
  RefundNotThroughProvider = 'REFUND_NOT_THROUGH_PROVIDER',
  PaypalOrderNotFound = 'PAYPAL_ORDER_NOT_FOUND',
  PaypalOrderMissing = 'PAYPAL_ORDER_MISSING',
  ProviderUnavailable = 'PROVIDER_UNAVAILABLE',
  PaymentMethodNotOffered = 'PAYMENT_METHOD_NOT_OFFERED',
  AccountNotYetKnown = 'ACCOUNT_NOT_YET_KNOWN',
  ProviderClockBusy = 'PROVIDER_CLOCK_BUSY',
}

const kinds: Record<PaymentsErrorCode, ErrorKind> = {
  [PaymentsErrorCode.WebhookSignatureMissing]: 'invalid',
  [PaymentsErrorCode.WebhookSignatureInvalid]: 'invalid',
  [PaymentsErrorCode.WebhookEventInvalid]: 'invalid',
  // The row commits in another transaction a moment later: Stripe retries the webhook on a 503.
  [PaymentsErrorCode.CustomerNotYetRecorded]: 'unavailable',
  [PaymentsErrorCode.PaymentNotYetRecorded]: 'unavailable',
  [PaymentsErrorCode.PaymentNotFound]: 'not-found',
  [PaymentsErrorCode.PaymentNotRefundable]: 'conflict',
  [PaymentsErrorCode.RefundExceedsPayment]: 'unprocessable',
  [PaymentsErrorCode.IdempotencyKeyReused]: 'conflict',
  [PaymentsErrorCode.RefundRefusedByProvider]: 'conflict',
  [PaymentsErrorCode.StatementMissing]: 'invalid',
  [PaymentsErrorCode.PaymentNotAwaitingTransfer]: 'conflict',
  [PaymentsErrorCode.TransferCurrencyMismatch]: 'unprocessable',
  [PaymentsErrorCode.TransferReferenceMismatch]: 'unprocessable',
  [PaymentsErrorCode.StatementEntryNotUnmatched]: 'conflict',
  [PaymentsErrorCode.TransferEntryMismatch]: 'unprocessable',
  [PaymentsErrorCode.RefundNotThroughProvider]: 'unprocessable',
  [PaymentsErrorCode.PaypalOrderNotFound]: 'not-found',
  [PaymentsErrorCode.PaypalOrderMissing]: 'invalid',
  // PayPal did not answer, or answered 5xx: the caller (or PayPal's webhook delivery) tries again.
  [PaymentsErrorCode.ProviderUnavailable]: 'unavailable',
  [PaymentsErrorCode.PaymentMethodNotOffered]: 'unprocessable',
  // account.created has not reached payments yet: the caller tries again in a moment.
  [PaymentsErrorCode.AccountNotYetKnown]: 'unavailable',
  // Stripe is still advancing a test clock: the test-clock event is handled again.
  [PaymentsErrorCode.ProviderClockBusy]: 'unavailable',
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

  static paymentNotFound(paymentId: string): PaymentsError {
    return new PaymentsError(PaymentsErrorCode.PaymentNotFound, `payment ${paymentId} does not exist in this account`, [
      { field: 'paymentId', reason: 'no such payment in this account' },
    ]);
  }

  static paymentNotRefundable(paymentId: string, status: string): PaymentsError {
    return new PaymentsError(
      PaymentsErrorCode.PaymentNotRefundable,
      `payment ${paymentId} is ${status}: only a succeeded payment can be refunded`,
      [{ field: 'paymentId', reason: `the payment is ${status}, not succeeded` }],
    );
  }

  static refundExceedsPayment(amountMinor: number, refundableMinor: number, currency: string): PaymentsError {
    return new PaymentsError(
      PaymentsErrorCode.RefundExceedsPayment,
      `a refund of ${amountMinor} exceeds what is left to refund on this payment (${refundableMinor} ${currency} minor units)`,
      [{ field: 'amountMinor', reason: `must be at most ${refundableMinor}, what is left to refund` }],
    );
  }

  static idempotencyKeyReused(key: string): PaymentsError {
    return new PaymentsError(
      PaymentsErrorCode.IdempotencyKeyReused,
      `Idempotency-Key '${key}' was already used for a different refund request`,
      [{ field: 'Idempotency-Key', reason: 'already used with another payment, amount or reason' }],
    );
  }

  static refundRefusedByProvider(message: string): PaymentsError {
    return new PaymentsError(PaymentsErrorCode.RefundRefusedByProvider, `the provider refused the refund: ${message}`);
  }

  static statementMissing(): PaymentsError {
    return new PaymentsError(PaymentsErrorCode.StatementMissing, 'the request body must be a camt.053 statement (XML)', [
      { field: 'body', reason: 'is empty' },
    ]);
  }

  static paymentNotAwaitingTransfer(paymentId: string, status: string, provider: string): PaymentsError {
    return new PaymentsError(
      PaymentsErrorCode.PaymentNotAwaitingTransfer,
      `payment ${paymentId} is a ${provider} payment, ${status}: only an open bank-transfer payment takes a transfer`,
      [{ field: 'paymentId', reason: 'is not awaiting a bank transfer' }],
    );
  }

  static transferCurrencyMismatch(currency: string, expected: string): PaymentsError {
    return new PaymentsError(
      PaymentsErrorCode.TransferCurrencyMismatch,
      `a transfer in ${currency} cannot pay a payment asked in ${expected}: Obolus never converts`,
      [{ field: 'currency', reason: `must be ${expected}, the currency of the payment` }],
    );
  }

  static transferReferenceMismatch(reference: string, expected: string | null): PaymentsError {
    return new PaymentsError(
      PaymentsErrorCode.TransferReferenceMismatch,
      `reference ${reference} is not the reference of this payment${expected ? ` (${expected})` : ''}`,
      [{ field: 'reference', reason: 'is not the reference of this payment' }],
    );
  }

  static transferIdempotencyKeyReused(key: string): PaymentsError {
    return new PaymentsError(
      PaymentsErrorCode.IdempotencyKeyReused,
      `Idempotency-Key '${key}' was already used for a different transfer`,
      [{ field: 'Idempotency-Key', reason: 'already used with another payment, amount, currency, date or note' }],
    );
  }

  static statementEntryNotUnmatched(transactionKey: string): PaymentsError {
    return new PaymentsError(
      PaymentsErrorCode.StatementEntryNotUnmatched,
      `statement transaction ${transactionKey} is not among the unmatched ones (unknown, ignored, or already paid a payment)`,
      [{ field: 'statementTransactionKey', reason: 'is not an unmatched statement transaction' }],
    );
  }

  static transferEntryMismatch(transactionKey: string, amountMinor: number, currency: string): PaymentsError {
    return new PaymentsError(
      PaymentsErrorCode.TransferEntryMismatch,
      `statement transaction ${transactionKey} brought ${amountMinor} ${currency} minor units: the transfer must say the same`,
      [{ field: 'amountMinor', reason: `must be ${amountMinor} ${currency}, the amount of the statement transaction` }],
    );
  }

  static refundNotThroughProvider(paymentId: string, provider: string): PaymentsError {
    return new PaymentsError(
      PaymentsErrorCode.RefundNotThroughProvider,
      `payment ${paymentId} was a bank transfer: it is refunded by a transfer from Obolus's bank, not through a payment provider`,
      [{ field: 'paymentId', reason: `is a ${provider} payment, which no provider can refund` }],
    );
  }

  static paypalOrderMissing(): PaymentsError {
    return new PaymentsError(PaymentsErrorCode.PaypalOrderMissing, 'the PayPal order id (token) is missing', [
      { field: 'token', reason: 'must be the PayPal order id PayPal returned with' },
    ]);
  }

  static paypalOrderNotFound(orderId: string): PaymentsError {
    return new PaymentsError(PaymentsErrorCode.PaypalOrderNotFound, `no payment is waiting for PayPal order ${orderId}`, [
      { field: 'token', reason: 'is not the PayPal order of a payment' },
    ]);
  }

  static providerUnavailable(provider: string, reason: string): PaymentsError {
    return new PaymentsError(PaymentsErrorCode.ProviderUnavailable, `${provider} is unavailable: ${reason}`);
  }

  /** A bank debit the account's country does not allow (SEPA outside the SEPA area, ACH outside the US). */
  static paymentMethodNotOffered(reasons: string[]): PaymentsError {
    return new PaymentsError(
      PaymentsErrorCode.PaymentMethodNotOffered,
      `payment method not offered to this account: ${reasons.join('; ')}`,
      reasons.map((reason) => ({ field: 'paymentMethodTypes', reason })),
    );
  }

  static accountNotYetKnown(accountId: string): PaymentsError {
    return new PaymentsError(
      PaymentsErrorCode.AccountNotYetKnown,
      `payments has not yet heard of account ${accountId}'s creation; try again in a moment`,
    );
  }

  static providerClockBusy(providerClockId: string): PaymentsError {
    return new PaymentsError(
      PaymentsErrorCode.ProviderClockBusy,
      `Stripe test clock ${providerClockId} is still advancing; it is moved again once ready`,
    );
  }
}
