import { checkCommand } from '@obolus/platform';

export interface AssembleAccountExportInput {
  accountId: string;
  exportId: string;
}

/** The export job: gather every service's part and assemble the ZIP. */
export class AssembleAccountExportCommand implements AssembleAccountExportInput {
  readonly accountId!: string;
  readonly exportId!: string;

  private constructor(input: Readonly<AssembleAccountExportInput>) {
    Object.assign(this, input);
  }

  static create(input: AssembleAccountExportInput): AssembleAccountExportCommand {
    return new AssembleAccountExportCommand(
      checkCommand('assemble account export', input).uuid('accountId').uuid('exportId').valid(),
    );
  }
}
