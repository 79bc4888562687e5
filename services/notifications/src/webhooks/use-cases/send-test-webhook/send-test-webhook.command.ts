import { checkEndpointRef, EndpointRefInput } from '../endpoint-ref';

export class SendTestWebhookCommand {
  readonly accountId!: string | null;
  readonly endpointId!: string;

  private constructor(input: Readonly<EndpointRefInput>) {
    Object.assign(this, input);
  }

  static create(input: EndpointRefInput): SendTestWebhookCommand {
    return new SendTestWebhookCommand(checkEndpointRef('send test webhook', input).valid());
  }
}
