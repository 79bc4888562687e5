import { WEBHOOK_EVENT_NAMES } from '@obolus/contracts';
import { checkCommand } from '@obolus/platform';

export interface CreateWebhookEndpointInput {
  /** The account whose events it hears; null for a platform-wide endpoint (staff). */
  accountId: string | null;
  url: string;
  eventTypes: string[];
  description?: string;
  enabled?: boolean;
  /** Who registers it: told when it fails. */
  createdByEmail: string;
}

/** Checks shared by creation and update: event names offered as webhooks, each once. */
export function eventTypesProblem(eventTypes: unknown): string | undefined {
  if (!Array.isArray(eventTypes) || eventTypes.length === 0) return 'must list at least one event type';
  if (eventTypes.length > WEBHOOK_EVENT_NAMES.length) return `must list at most ${WEBHOOK_EVENT_NAMES.length} event types`;
  const unknown = eventTypes.filter((type) => !WEBHOOK_EVENT_NAMES.includes(type as string));
  if (unknown.length) return `has event types not offered as webhooks (${unknown.slice(0, 5).join(', ')}); offered: ${WEBHOOK_EVENT_NAMES.join(', ')}`;
  if (new Set(eventTypes).size !== eventTypes.length) return 'must list each event type once';
  return undefined;
}

export class CreateWebhookEndpointCommand {
  readonly accountId!: string | null;
  readonly url!: string;
  readonly eventTypes!: string[];
  readonly description!: string;
  readonly enabled!: boolean;
  readonly createdByEmail!: string;

  private constructor(input: Readonly<Required<CreateWebhookEndpointInput>>) {
    Object.assign(this, input);
  }

  static create(input: CreateWebhookEndpointInput): CreateWebhookEndpointCommand {
    const full = { ...input, description: input.description ?? '', enabled: input.enabled ?? true };
    const eventTypes = eventTypesProblem(full.eventTypes);
    return new CreateWebhookEndpointCommand(
      checkCommand('create webhook endpoint', full)
        .optionalUuid('accountId')
        .string('url', 2048)
        .that('eventTypes', eventTypes === undefined, eventTypes ?? '')
        .that('description', typeof full.description === 'string' && full.description.length <= 200, 'must be text of at most 200 characters')
        .that('enabled', typeof full.enabled === 'boolean', 'must be true or false')
        .email('createdByEmail')
        .valid(),
    );
  }
}
