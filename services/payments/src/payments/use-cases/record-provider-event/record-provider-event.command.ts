import { PaymentsError } from '../../payments.errors';

export interface RecordProviderEventInput {
  /** The body exactly as Stripe sent it: the signature is over these bytes. */
  rawBody: Buffer | undefined;
  /** The Stripe-Signature header. */
  signature: string | undefined;
}

/** Record a signed webhook from Stripe. */
export class RecordProviderEventCommand {
  readonly rawBody!: Buffer;
  readonly signature!: string;

  private constructor(input: Readonly<{ rawBody: Buffer; signature: string }>) {
    Object.assign(this, input);
  }

  /** Refuses a webhook without a body or a signature (WEBHOOK_SIGNATURE_MISSING). */
  static create({ rawBody, signature }: RecordProviderEventInput): RecordProviderEventCommand {
    if (!rawBody || !signature) throw PaymentsError.webhookSignatureMissing();
    return new RecordProviderEventCommand(Object.freeze({ rawBody, signature }));
  }
}
