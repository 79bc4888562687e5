import { compactReference, isValidPaymentReference } from '@obolus/bank-statements';
import { MAX_CHARGE_MINOR } from '@obolus/contracts';
import { isKnownCurrency } from '@obolus/money';
import { checkCommand } from '@obolus/platform';
import { checkStaffActor, StaffActor } from '@obolus/operations';

/** A printable key of 1 to 255 characters. */
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

export interface RecordStaffTransferInput extends StaffActor {
  accountId: string;
  paymentId: string;
  amountMinor: number;
  currency: string;
  /** YYYY-MM-DD. */
  receivedOn: string;
  payerName?: string;
  /** The reference the transfer carried, if staff give it: an ISO 11649 RF reference. */
  reference?: string;
  /** The unmatched statement transaction it resolves, if any: it then leaves the unmatched list. */
  statementTransactionKey?: string;
  /** Why it is recorded by hand: the audit log's reason, kept on the transfer as its note. */
  reason: string;
  /** The request's Idempotency-Key: the same key answers the same transfer. */
  idempotencyKey: string;
  /** `staff:<id>`. */
  recordedBy: string;
}

/** Record, by hand, a bank transfer that paid a payment awaiting one (staff only, audited). */
export class RecordStaffTransferCommand {
  readonly accountId!: string;
  readonly paymentId!: string;
  readonly amountMinor!: number;
  readonly currency!: string;
  readonly receivedOn!: string;
  readonly payerName!: string | undefined;
  readonly reference!: string | undefined;
  readonly statementTransactionKey!: string | undefined;
  readonly reason!: string;
  readonly staffUserId!: string;
  readonly staffEmail!: string;
  readonly idempotencyKey!: string;
  readonly recordedBy!: string;

  private constructor(input: Readonly<RecordStaffTransferInput>) {
    Object.assign(this, input);
  }

  static create(input: RecordStaffTransferInput): RecordStaffTransferCommand {
    const reference = typeof input.reference === 'string' ? compactReference(input.reference) : input.reference;
    const checks = checkCommand('record staff transfer', { ...input, reference })
      .uuid('accountId')
      .uuid('paymentId')
      .integer('amountMinor', 1, MAX_CHARGE_MINOR)
      .that(
        'currency',
        typeof input.currency === 'string' && /^[A-Z]{3}$/.test(input.currency) && isKnownCurrency(input.currency),
        'must be an ISO 4217 currency code',
      )
      .that('receivedOn', isCalendarDate(input.receivedOn), 'must be a calendar date, YYYY-MM-DD')
      .that(
        'Idempotency-Key',
        typeof input.idempotencyKey === 'string' && IDEMPOTENCY_KEY.test(input.idempotencyKey),
        'the Idempotency-Key header is required: 1 to 255 printable characters',
      )
      .string('recordedBy', 320);
    if (input.payerName !== undefined) checks.text('payerName', 140);
    if (input.statementTransactionKey !== undefined) {
      checks.that(
        'statementTransactionKey',
        typeof input.statementTransactionKey === 'string' && /^[\x21-\x7e]{1,400}$/.test(input.statementTransactionKey),
        'must be the key of a statement transaction',
      );
    }
    if (input.reference !== undefined) {
      checks.that(
        'reference',
        typeof reference === 'string' && isValidPaymentReference(reference),
        'must be an ISO 11649 reference (RF, two check digits, up to 21 letters or digits)',
      );
    }
    return new RecordStaffTransferCommand(checkStaffActor(checks, input).valid());
  }
}

function isCalendarDate(value: unknown): boolean {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return Number.isFinite(date.getTime()) && date.toISOString().slice(0, 10) === value;
}
