import { checkCommand } from '@obolus/platform';

export interface GetProformaPdfInput {
  proformaId: string;
  /** The customer's account; absent only for another Obolus service on the internal route. */
  accountId?: string;
}

/** Fetch the stored PDF of a proforma. */
export class GetProformaPdfCommand implements GetProformaPdfInput {
  readonly proformaId!: string;
  readonly accountId?: string;

  private constructor(input: Readonly<GetProformaPdfInput>) {
    Object.assign(this, input);
  }

  static create(input: GetProformaPdfInput): GetProformaPdfCommand {
    return new GetProformaPdfCommand(
      checkCommand('get proforma pdf', input).uuid('proformaId').optionalUuid('accountId').valid(),
    );
  }
}
