import { CloudEvent, webhookNameOfType } from '@obolus/contracts';
import { checkCommand } from '@obolus/platform';

export interface RecordWebhookDeliveriesInput {
  /** An event offered as a webhook, as it came from Kafka. */
  event: CloudEvent<{ accountId: string }>;
}

/** One event to hand to every endpoint that subscribed to its type. */
export class RecordWebhookDeliveriesCommand {
  readonly event!: CloudEvent<{ accountId: string }>;
  /** The public name, such as invoice.issued. */
  readonly eventType!: string;
  readonly accountId!: string;

  private constructor(input: Readonly<RecordWebhookDeliveriesCommand>) {
    Object.assign(this, input);
  }

  static create({ event }: RecordWebhookDeliveriesInput): RecordWebhookDeliveriesCommand {
    const fields = {
      event,
      eventType: webhookNameOfType(event?.type) ?? '',
      accountId: event?.data?.accountId,
    };
    return new RecordWebhookDeliveriesCommand(
      checkCommand('record webhook deliveries', fields)
        .that('event', typeof event?.id === 'string' && event.id.length > 0 && event.id.length <= 255, 'must be a CloudEvent with an id')
        .that('eventType', fields.eventType !== '', `must be an event type offered as a webhook (${String(event?.type)} is not)`)
        .uuid('accountId')
        .valid(),
    );
  }
}
