import { HeaderSource } from '@obolus/paypal';

export interface RecordPaypalEventInput {
  /** The body exactly as PayPal sent it: the signature covers its CRC-32. */
  rawBody: Buffer | undefined;
  /** The request's headers, with PayPal's five transmission headers. */
  headers: HeaderSource;
}

/** A webhook PayPal posted to /webhooks/paypal, to verify and record (P2). */
export class RecordPaypalEventCommand {
  readonly rawBody!: Buffer | undefined;
  readonly headers!: HeaderSource;

  private constructor(input: Readonly<RecordPaypalEventInput>) {
    Object.assign(this, input);
  }

  /** Checked in the use case: a webhook is refused as a whole (400) when it does not verify. */
  static create(input: RecordPaypalEventInput): RecordPaypalEventCommand {
    return new RecordPaypalEventCommand(input);
  }
}
