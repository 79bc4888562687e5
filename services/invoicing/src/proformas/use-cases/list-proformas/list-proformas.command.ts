import { checkCommand } from '@obolus/platform';

export interface ListProformasInput {
  accountId: string;
}

/** The account's proformas. */
export class ListProformasCommand {
  readonly accountId!: string;

  private constructor(input: Readonly<ListProformasInput>) {
    Object.assign(this, input);
  }

  static create(input: ListProformasInput): ListProformasCommand {
    return new ListProformasCommand(checkCommand('list proformas', input).uuid('accountId').valid());
  }
}
