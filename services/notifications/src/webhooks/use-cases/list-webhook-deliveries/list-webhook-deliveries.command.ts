import { checkCommand } from '@obolus/platform';

export interface ListWebhookDeliveriesInput {
  accountId: string | null;
  endpointId: string;
  /** One delivery; the latest `limit` when absent. */
  deliveryId?: string;
  limit?: number;
}

export class ListWebhookDeliveriesCommand {
  readonly accountId!: string | null;
  readonly endpointId!: string;
  readonly deliveryId?: string;
  readonly limit!: number;

  private constructor(input: Readonly<ListWebhookDeliveriesCommand>) {
    Object.assign(this, input);
  }

  static create(input: ListWebhookDeliveriesInput): ListWebhookDeliveriesCommand {
    const full = { ...input, limit: input.limit ?? 50 };
    return new ListWebhookDeliveriesCommand(
      checkCommand('list webhook deliveries', full)
        .optionalUuid('accountId')
        .uuid('endpointId')
        .optionalUuid('deliveryId')
        .integer('limit', 1, 200)
        .valid(),
    );
  }
}
