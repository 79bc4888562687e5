import { checkCommand } from '@obolus/platform';

/** The ANAF submission of one invoice of an account (its state, or its archive). */
export class GetSubmissionCommand {
  readonly accountId!: string;
  readonly invoiceId!: string;

  private constructor(input: Readonly<{ accountId: string; invoiceId: string }>) {
    Object.assign(this, input);
  }

  static create(input: { accountId: string; invoiceId: string }): GetSubmissionCommand {
    return new GetSubmissionCommand(checkCommand('get submission', input).uuid('accountId').uuid('invoiceId').valid());
  }
}
