import { checkCommand } from '@obolus/platform';

export interface GetEntitlementsInput {
  accountId: string;
}

/** What the account may do now. */
export class GetEntitlementsCommand implements GetEntitlementsInput {
  readonly accountId!: string;

  private constructor(input: Readonly<GetEntitlementsInput>) {
    Object.assign(this, input);
  }

  static create(input: GetEntitlementsInput): GetEntitlementsCommand {
    return new GetEntitlementsCommand(checkCommand('get entitlements', input).uuid('accountId').valid());
  }
}
