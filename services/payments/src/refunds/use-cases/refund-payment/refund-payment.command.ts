import { MAX_CHARGE_MINOR } from '@obolus/contracts';
import { checkCommand } from '@obolus/platform';
import { checkStaffActor, StaffActor } from '@obolus/operations';

/** A printable key of 1 to 255 characters, as Stripe accepts them. */
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

export interface RefundPaymentInput extends StaffActor {
  accountId: string;
  paymentId: string;
  /** Minor units; everything left to refund when absent. */
  amountMinor?: number;
  reason: string;
  /** The request's Idempotency-Key: the same key answers the same refund. */
  idempotencyKey: string;
  /** The staff member asking. */
  requestedBy: string;
}

/** Send money back on a succeeded payment, in full or in part (staff only). */
export class RefundPaymentCommand {
  readonly accountId!: string;
  readonly paymentId!: string;
  readonly amountMinor!: number | undefined;
  readonly reason!: string;
  readonly idempotencyKey!: string;
  readonly requestedBy!: string;
  readonly staffUserId!: string;
  readonly staffEmail!: string;

  private constructor(input: Readonly<RefundPaymentInput>) {
    Object.assign(this, input);
  }

  static create(input: RefundPaymentInput): RefundPaymentCommand {
    const checks = checkCommand('refund payment', input)
      .uuid('accountId')
      .uuid('paymentId')
      .that(
        'Idempotency-Key',
        typeof input.idempotencyKey === 'string' && IDEMPOTENCY_KEY.test(input.idempotencyKey),
        'the Idempotency-Key header is required: 1 to 255 printable characters',
      )
      .string('requestedBy', 320);
    if (input.amountMinor !== undefined) checks.integer('amountMinor', 1, MAX_CHARGE_MINOR);
    return new RefundPaymentCommand({ ...checkStaffActor(checks, input).valid() });
  }
}
