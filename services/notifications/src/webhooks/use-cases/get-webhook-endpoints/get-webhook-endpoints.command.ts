import { checkCommand } from '@obolus/platform';

export interface GetWebhookEndpointsInput {
  accountId: string | null;
  /** One endpoint; all of the scope when absent. */
  endpointId?: string;
}

export class GetWebhookEndpointsCommand {
  readonly accountId!: string | null;
  readonly endpointId?: string;

  private constructor(input: Readonly<GetWebhookEndpointsInput>) {
    Object.assign(this, input);
  }

  static create(input: GetWebhookEndpointsInput): GetWebhookEndpointsCommand {
    return new GetWebhookEndpointsCommand(
      checkCommand('get webhook endpoints', input).optionalUuid('accountId').optionalUuid('endpointId').valid(),
    );
  }
}
