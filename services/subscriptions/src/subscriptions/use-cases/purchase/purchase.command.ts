import { MAX_SEATS, PAYMENT_METHOD_KINDS, PaymentMethodKind, Term, TERMS } from '@obolus/contracts';
import { checkCommand } from '@obolus/platform';

export interface PurchaseInput {
  accountId: string;
  edition: string;
  term: Term;
  seats: number;
  paymentMethod: PaymentMethodKind;
  /** ISO 4217; the catalog's currency when absent. */
  currency?: string;
}

/** Buy an edition of the account's catalog, for a term and a number of seats (T4). */
export class PurchaseCommand implements PurchaseInput {
  readonly accountId!: string;
  readonly edition!: string;
  readonly term!: Term;
  readonly seats!: number;
  readonly paymentMethod!: PaymentMethodKind;
  readonly currency?: string;

  private constructor(input: Readonly<PurchaseInput>) {
    Object.assign(this, input);
  }

  static create(input: PurchaseInput): PurchaseCommand {
    return new PurchaseCommand(
      checkCommand('purchase', input)
        .uuid('accountId')
        .string('edition', 64)
        .oneOf('term', TERMS)
        .integer('seats', 1, MAX_SEATS)
        .oneOf('paymentMethod', PAYMENT_METHOD_KINDS)
        .that(
          'currency',
          input.currency === undefined || (typeof input.currency === 'string' && /^[A-Z]{3}$/.test(input.currency)),
          'must be an ISO 4217 code',
        )
        .valid(),
    );
  }
}
