import { checkCommand } from '@obolus/platform';
import { eventTypesProblem } from '../create-webhook-endpoint/create-webhook-endpoint.command';

export interface UpdateWebhookEndpointInput {
  accountId: string | null;
  endpointId: string;
  url?: string;
  eventTypes?: string[];
  description?: string;
  enabled?: boolean;
}

/** Changes to an endpoint: what is given changes, the rest stays. Enabling a failing endpoint makes it active. */
export class UpdateWebhookEndpointCommand {
  readonly accountId!: string | null;
  readonly endpointId!: string;
  readonly url?: string;
  readonly eventTypes?: string[];
  readonly description?: string;
  readonly enabled?: boolean;

  private constructor(input: Readonly<UpdateWebhookEndpointInput>) {
    Object.assign(this, input);
  }

  static create(input: UpdateWebhookEndpointInput): UpdateWebhookEndpointCommand {
    const eventTypes = input.eventTypes === undefined ? undefined : eventTypesProblem(input.eventTypes);
    return new UpdateWebhookEndpointCommand(
      checkCommand('update webhook endpoint', input)
        .optionalUuid('accountId')
        .uuid('endpointId')
        .that('url', input.url === undefined || (typeof input.url === 'string' && input.url.length > 0 && input.url.length <= 2048), 'must be a URL of at most 2048 characters')
        .that('eventTypes', eventTypes === undefined, eventTypes ?? '')
        .that('description', input.description === undefined || (typeof input.description === 'string' && input.description.length <= 200), 'must be text of at most 200 characters')
        .that('enabled', input.enabled === undefined || typeof input.enabled === 'boolean', 'must be true or false')
        .valid(),
    );
  }
}
