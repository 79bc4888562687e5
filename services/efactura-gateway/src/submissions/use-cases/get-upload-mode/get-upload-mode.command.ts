import { checkCommand } from '@obolus/platform';

/** The account's upload mode. */
export class GetUploadModeCommand {
  readonly accountId!: string;

  private constructor(input: Readonly<{ accountId: string }>) {
    Object.assign(this, input);
  }

  static create(input: { accountId: string }): GetUploadModeCommand {
    return new GetUploadModeCommand(checkCommand('get upload mode', input).uuid('accountId').valid());
  }
}
