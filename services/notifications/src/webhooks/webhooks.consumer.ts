import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { AccountCreatedV1, AccountCreatedV1Data, CloudEvent, webhookEventContracts } from '@obolus/contracts';
import { EventHandlerContext } from '@obolus/messaging';
import { RecordWebhookDeliveriesCommand } from './use-cases/record-webhook-deliveries/record-webhook-deliveries.command';
import { RecordWebhookDeliveriesUseCase } from './use-cases/record-webhook-deliveries/record-webhook-deliveries.use-case';
import { SaveAccountContactCommand } from './use-cases/save-account-contact/save-account-contact.command';
import { SaveAccountContactUseCase } from './use-cases/save-account-contact/save-account-contact.use-case';

/**
 * Webhooks hear the same events as every Kafka consumer: each offered type becomes deliveries in the
 * consuming unit of work. (account.created also feeds the welcome e-mail: Nest chains both handlers.)
 */
@Controller()
export class WebhooksConsumer {
  constructor(
    private readonly recordDeliveries: RecordWebhookDeliveriesUseCase,
    private readonly saveContact: SaveAccountContactUseCase,
  ) {}

  @EventPattern(webhookEventContracts.map((contract) => contract.type))
  async onOfferedEvent(@Payload() event: CloudEvent<{ accountId: string }>, @Ctx() uow: EventHandlerContext): Promise<void> {
    await this.recordDeliveries.execute(RecordWebhookDeliveriesCommand.create({ event }), uow);
  }

  @EventPattern(AccountCreatedV1.type)
  onAccountCreated(@Payload() event: CloudEvent<AccountCreatedV1Data>, @Ctx() uow: EventHandlerContext): Promise<void> {
    const { accountId, ownerEmail, locale } = event.data;
    return this.saveContact.execute(SaveAccountContactCommand.create({ accountId, ownerEmail, locale }), uow);
  }
}
