import { checkCommand } from '@obolus/platform';

export interface GetAccountExportInput {
  accountId: string;
  exportId: string;
}

/** The owner looks at an export: pending, or ready with its link. */
export class GetAccountExportCommand implements GetAccountExportInput {
  readonly accountId!: string;
  readonly exportId!: string;

  private constructor(input: Readonly<GetAccountExportInput>) {
    Object.assign(this, input);
  }

  static create(input: GetAccountExportInput): GetAccountExportCommand {
    return new GetAccountExportCommand(checkCommand('get account export', input).uuid('accountId').uuid('exportId').valid());
  }
}
