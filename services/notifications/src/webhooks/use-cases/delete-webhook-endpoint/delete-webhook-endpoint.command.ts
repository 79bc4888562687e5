import { checkEndpointRef, EndpointRefInput } from '../endpoint-ref';

export class DeleteWebhookEndpointCommand {
  readonly accountId!: string | null;
  readonly endpointId!: string;

  private constructor(input: Readonly<EndpointRefInput>) {
    Object.assign(this, input);
  }

  static create(input: EndpointRefInput): DeleteWebhookEndpointCommand {
    return new DeleteWebhookEndpointCommand(checkEndpointRef('delete webhook endpoint', input).valid());
  }
}
