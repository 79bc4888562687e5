import { checkCommand } from '@obolus/platform';

export interface ReplayWebhookDeliveriesInput {
  accountId: string | null;
  endpointId: string;
  /** One delivery to send again... */
  deliveryId?: string;
  /** ...or every delivery made since this instant (at most 1,000). */
  since?: string;
}

export class ReplayWebhookDeliveriesCommand {
  readonly accountId!: string | null;
  readonly endpointId!: string;
  readonly deliveryId?: string;
  readonly since?: string;

  private constructor(input: Readonly<ReplayWebhookDeliveriesInput>) {
    Object.assign(this, input);
  }

  static create(input: ReplayWebhookDeliveriesInput): ReplayWebhookDeliveriesCommand {
    const checks = checkCommand('replay webhook deliveries', input)
      .optionalUuid('accountId')
      .uuid('endpointId')
      .optionalUuid('deliveryId')
      .that('since', (input.deliveryId === undefined) !== (input.since === undefined), 'give either a delivery or since, not both');
    if (input.since !== undefined) checks.instant('since');
    return new ReplayWebhookDeliveriesCommand(checks.valid());
  }
}
