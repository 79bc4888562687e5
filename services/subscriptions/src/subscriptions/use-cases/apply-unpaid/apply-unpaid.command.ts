import { checkCommand } from '@obolus/platform';

export interface ApplyUnpaidInput {
  accountId: string;
  paymentId: string;
  /** When the try failed: the business time of the consequence. */
  failedAt: string;
  /** Whether it was the last try; earlier failures change nothing here. */
  final: boolean;
}

/** The last try of a payment failed (P4): the subscription follows its catalog. */
export class ApplyUnpaidCommand {
  readonly accountId!: string;
  readonly paymentId!: string;
  readonly failedAt!: string;
  readonly final!: boolean;

  private constructor(input: Readonly<ApplyUnpaidInput>) {
    Object.assign(this, input);
  }

  static create(input: ApplyUnpaidInput): ApplyUnpaidCommand {
    return new ApplyUnpaidCommand(checkCommand('apply unpaid', input)
        .uuid('accountId')
        .uuid('paymentId')
        .instant('failedAt')
        .that('final', typeof input.final === 'boolean', 'must be true or false')
        .valid());
  }
}
