import { checkCommand } from '@obolus/platform';
import { checkStaffActor, StaffActor } from '@obolus/operations';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

export interface CorrectInvoiceInput extends StaffActor {
  accountId: string;
  invoiceId: string;
  /** Positions (from 0) of the invoice lines to credit in full; the whole invoice when absent. */
  lines?: number[];
  reason: string;
  idempotencyKey: string;
  requestedBy: string;
}

/** Staff correct an issued invoice with a credit note: in full, or some of its lines (I3). */
export class CorrectInvoiceCommand {
  readonly accountId!: string;
  readonly invoiceId!: string;
  readonly lines!: number[] | undefined;
  readonly reason!: string;
  readonly idempotencyKey!: string;
  readonly requestedBy!: string;
  readonly staffUserId!: string;
  readonly staffEmail!: string;

  private constructor(input: Readonly<CorrectInvoiceInput>) {
    Object.assign(this, input);
  }

  static create(input: CorrectInvoiceInput): CorrectInvoiceCommand {
    const { lines } = input;
    const checks = checkCommand('correct invoice', input)
      .uuid('accountId')
      .uuid('invoiceId')
      .that(
        'lines',
        lines === undefined ||
          (Array.isArray(lines) &&
            lines.length > 0 &&
            lines.length <= 50 &&
            lines.every((l) => Number.isSafeInteger(l) && l >= 0 && l < 50)),
        'must be a non-empty list of line positions from 0, or absent to credit the whole invoice',
      )
      .that(
        'Idempotency-Key',
        typeof input.idempotencyKey === 'string' && IDEMPOTENCY_KEY.test(input.idempotencyKey),
        'the Idempotency-Key header is required: 1 to 255 printable characters',
      )
      .string('requestedBy', 320);
    return new CorrectInvoiceCommand(checkStaffActor(checks, input).valid());
  }
}
