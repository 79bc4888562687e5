import { checkCommand } from '@obolus/platform';

export interface GetPaymentMethodsInput {
  accountId: string;
}

/** Which payment method the account is charged with. */
export class GetPaymentMethodsCommand {
  readonly accountId!: string;

  private constructor(input: Readonly<GetPaymentMethodsInput>) {
    Object.assign(this, input);
  }

  static create(input: GetPaymentMethodsInput): GetPaymentMethodsCommand {
    return new GetPaymentMethodsCommand(checkCommand('get payment methods', input).uuid('accountId').valid());
  }
}
