import { checkCommand } from '@obolus/platform';

/** The one click of manual mode: send a held, valid document (invoice or credit note) of the account to ANAF. */
export class UploadHeldDocumentCommand {
  readonly accountId!: string;
  /** The invoice's id, or the credit note's. */
  readonly invoiceId!: string;

  private constructor(input: Readonly<{ accountId: string; invoiceId: string }>) {
    Object.assign(this, input);
  }

  static create(input: { accountId: string; invoiceId: string }): UploadHeldDocumentCommand {
    return new UploadHeldDocumentCommand(checkCommand('upload held document', input).uuid('accountId').uuid('invoiceId').valid());
  }
}
