import { checkCommand } from '@obolus/platform';

export interface GetCreditNotePdfInput {
  creditNoteId: string;
  /** The customer's account; absent only for another Obolus service on the internal route. */
  accountId?: string;
}

/** Fetch the stored PDF of an issued credit note. */
export class GetCreditNotePdfCommand implements GetCreditNotePdfInput {
  readonly creditNoteId!: string;
  readonly accountId?: string;

  private constructor(input: Readonly<GetCreditNotePdfInput>) {
    Object.assign(this, input);
  }

  static create(input: GetCreditNotePdfInput): GetCreditNotePdfCommand {
    return new GetCreditNotePdfCommand(
      checkCommand('get credit note pdf', input).uuid('creditNoteId').optionalUuid('accountId').valid(),
    );
  }
}
