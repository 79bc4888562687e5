import { checkEndpointRef, EndpointRefInput } from '../endpoint-ref';

export class RotateWebhookSecretCommand {
  readonly accountId!: string | null;
  readonly endpointId!: string;

  private constructor(input: Readonly<EndpointRefInput>) {
    Object.assign(this, input);
  }

  static create(input: EndpointRefInput): RotateWebhookSecretCommand {
    return new RotateWebhookSecretCommand(checkEndpointRef('rotate webhook secret', input).valid());
  }
}
