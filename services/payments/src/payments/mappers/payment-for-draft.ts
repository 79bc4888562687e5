import { context } from '@opentelemetry/api';
import { PaymentMethodKind } from '@obolus/contracts';
import { captureTraceHeaders } from '@obolus/messaging';
import { nameBasedUuid } from '@obolus/platform';
import { PaymentEntity } from '../entities/payment.entity';

export interface PaymentForDraftInput {
  accountId: string;
  draftId: string;
  amountMinor: number;
  currency: string;
  paymentMethod: PaymentMethodKind;
  provider: PaymentEntity['provider'];
}

/**
 * The payment that collects a draft, `processing` until its provider answers. Its id is derived from
 * the draft, the same on every try: a try that reached the provider and then lost its transaction must
 * send the very same request under the draft's idempotency key, and a redelivered request finds it.
 */
export function paymentForDraft(input: PaymentForDraftInput, now: Date): PaymentEntity {
  return {
    id: nameBasedUuid('obolus.payments.payment-for-draft', input.draftId),
    ...input,
    status: 'processing',
    providerPaymentId: null,
    failureCode: null,
    failureMessage: null,
    traceHeaders: captureTraceHeaders(context.active()) as Record<string, string>,
    attempts: 1,
    firstFailedAt: null,
    nextRetryAt: null,
    dunning: null,
    createdAt: now,
    updatedAt: now,
  };
}
