import { checkCommand } from '@obolus/platform';

/** List one account's e-Factura documents. */
export class ListDocumentsCommand {
  readonly accountId!: string;

  private constructor(input: Readonly<{ accountId: string }>) {
    Object.assign(this, input);
  }

  static create(input: { accountId: string }): ListDocumentsCommand {
    return new ListDocumentsCommand(checkCommand('list documents', input).uuid('accountId').valid());
  }
}
