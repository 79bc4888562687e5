import { checkCommand } from '@obolus/platform';
import { MAX_ATTEMPTS } from '../../delivery/retry-schedule';

export interface AttemptWebhookDeliveryInput {
  deliveryId: string;
  trigger: 'schedule' | 'replay' | 'test';
  /** For a scheduled attempt, its place in the retry schedule (1 to 10). */
  attempt?: number;
  /** The business instant the attempt was due at: later retries are planned from it. */
  dueAt: Date;
}

export class AttemptWebhookDeliveryCommand {
  readonly deliveryId!: string;
  readonly trigger!: 'schedule' | 'replay' | 'test';
  readonly attempt?: number;
  readonly dueAt!: Date;

  private constructor(input: Readonly<AttemptWebhookDeliveryInput>) {
    Object.assign(this, input);
  }

  static create(input: AttemptWebhookDeliveryInput): AttemptWebhookDeliveryCommand {
    const checks = checkCommand('attempt webhook delivery', input)
      .uuid('deliveryId')
      .oneOf('trigger', ['schedule', 'replay', 'test'])
      .instant('dueAt');
    if (input.trigger === 'schedule') checks.integer('attempt', 1, MAX_ATTEMPTS);
    return new AttemptWebhookDeliveryCommand(checks.valid());
  }
}
