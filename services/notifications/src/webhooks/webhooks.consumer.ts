import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { CloudEvent, webhookEventContracts } from '@obolus/contracts';
import { EventHandlerContext } from '@obolus/messaging';
import { RecordWebhookDeliveriesCommand } from './use-cases/record-webhook-deliveries/record-webhook-deliveries.command';
import { RecordWebhookDeliveriesUseCase } from './use-cases/record-webhook-deliveries/record-webhook-deliveries.use-case';

/** Webhooks hear the same events as every Kafka consumer: each offered type becomes deliveries in the consuming unit of work. */
@Controller()
export class WebhooksConsumer {
  constructor(private readonly recordDeliveries: RecordWebhookDeliveriesUseCase) {}

  @EventPattern(webhookEventContracts.map((contract) => contract.type))
  async onOfferedEvent(@Payload() event: CloudEvent<{ accountId: string }>, @Ctx() uow: EventHandlerContext): Promise<void> {
    await this.recordDeliveries.execute(RecordWebhookDeliveriesCommand.create({ event }), uow);
  }
}
