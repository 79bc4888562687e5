import { checkCommand } from '@obolus/platform';
import { MAX_TRIES } from '../../dunning';

export interface RetryPaymentInput {
  accountId: string;
  paymentId: string;
  /** The try this is, from 2. */
  attempt: number;
  /** Its due instant: the business time of the try. */
  dueAt: Date;
}

/** Try a failed payment again (P4). */
export class RetryPaymentCommand {
  readonly accountId!: string;
  readonly paymentId!: string;
  readonly attempt!: number;
  readonly dueAt!: Date;

  private constructor(input: Readonly<RetryPaymentInput>) {
    Object.assign(this, input);
  }

  static create(input: RetryPaymentInput): RetryPaymentCommand {
    return new RetryPaymentCommand(
      checkCommand('retry payment', input)
        .uuid('accountId')
        .uuid('paymentId')
        .integer('attempt', 2, MAX_TRIES)
        .instant('dueAt')
        .valid(),
    );
  }
}
