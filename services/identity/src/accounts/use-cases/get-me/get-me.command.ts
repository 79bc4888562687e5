import { checkCommand } from '@obolus/platform';

export interface GetMeInput {
  accountId: string;
  userId: string;
}

/** Read the signed-in customer and their account. */
export class GetMeCommand implements GetMeInput {
  readonly accountId!: string;
  readonly userId!: string;

  private constructor(input: Readonly<GetMeInput>) {
    Object.assign(this, input);
  }

  static create(input: GetMeInput): GetMeCommand {
    const { accountId, userId } = input;
    return new GetMeCommand(checkCommand('get me', { accountId, userId }).uuid('accountId').uuid('userId').valid());
  }
}
