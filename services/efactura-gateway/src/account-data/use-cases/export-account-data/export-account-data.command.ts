import { checkCommand } from '@obolus/platform';

export interface ExportAccountDataInput {
  accountId: string;
}

/** Identity asks for this service's part of the account's data export (A3). */
export class ExportAccountDataCommand implements ExportAccountDataInput {
  readonly accountId!: string;

  private constructor(input: Readonly<ExportAccountDataInput>) {
    Object.assign(this, input);
  }

  static create(input: ExportAccountDataInput): ExportAccountDataCommand {
    return new ExportAccountDataCommand(checkCommand('export account data', input).uuid('accountId').valid());
  }
}
