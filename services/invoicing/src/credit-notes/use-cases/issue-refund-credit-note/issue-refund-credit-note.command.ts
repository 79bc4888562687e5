import { checkCommand } from '@obolus/platform';

export interface IssueRefundCreditNoteInput {
  accountId: string;
  refundId: string;
  draftId: string;
  amountMinor: number;
  currency: string;
  reason: string;
  refundedAt: string;
}

/** A refund went through (payment.refunded): credit the invoice its payment settled. */
export class IssueRefundCreditNoteCommand {
  readonly accountId!: string;
  readonly refundId!: string;
  readonly draftId!: string;
  readonly amountMinor!: number;
  readonly currency!: string;
  readonly reason!: string;
  readonly refundedAt!: string;

  private constructor(input: Readonly<IssueRefundCreditNoteInput>) {
    Object.assign(this, input);
  }

  static create(input: IssueRefundCreditNoteInput): IssueRefundCreditNoteCommand {
    const { accountId, refundId, draftId, amountMinor, currency, reason, refundedAt } = input;
    return new IssueRefundCreditNoteCommand(
      checkCommand('issue refund credit note', { accountId, refundId, draftId, amountMinor, currency, reason, refundedAt })
        .uuid('accountId')
        .uuid('refundId')
        .uuid('draftId')
        .integer('amountMinor', 1)
        .that('currency', typeof currency === 'string' && /^[A-Z]{3}$/.test(currency), 'must be an ISO 4217 code')
        .string('reason', 500)
        .instant('refundedAt')
        .valid(),
    );
  }
}
