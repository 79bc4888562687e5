import { checkCommand } from '@obolus/platform';

export interface ListCreditNotesInput {
  accountId: string;
}

/** The account's credit notes. */
export class ListCreditNotesCommand {
  readonly accountId!: string;

  private constructor(input: Readonly<ListCreditNotesInput>) {
    Object.assign(this, input);
  }

  static create(input: ListCreditNotesInput): ListCreditNotesCommand {
    return new ListCreditNotesCommand(checkCommand('list credit notes', input).uuid('accountId').valid());
  }
}
