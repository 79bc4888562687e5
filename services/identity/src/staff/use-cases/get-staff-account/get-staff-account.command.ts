import { checkCommand } from '@obolus/platform';

/** Read one account for the console, with its users. */
export class GetStaffAccountCommand {
  readonly accountId!: string;

  private constructor(input: Readonly<{ accountId: string }>) {
    Object.assign(this, input);
  }

  static create(input: { accountId: string }): GetStaffAccountCommand {
    return new GetStaffAccountCommand(
      checkCommand('get staff account', { accountId: input.accountId }).uuid('accountId').valid(),
    );
  }
}
