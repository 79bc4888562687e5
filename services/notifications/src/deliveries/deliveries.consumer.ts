import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  AccountCreatedV1,
  AccountCreatedV1Data,
  CloudEvent,
  InvoiceIssuedV1,
  InvoiceIssuedV1Data,
  PasswordResetRequestedV1,
  PasswordResetRequestedV1Data,
  SubscriptionExpiringV1,
  SubscriptionExpiringV1Data,
  TrialEndingV1,
  TrialEndingV1Data,
  UserInvitedV1,
  UserInvitedV1Data,
  WebhookEndpointFailingV1,
  WebhookEndpointFailingV1Data,
} from '@obolus/contracts';
import { EventHandlerContext } from '@obolus/messaging';
import { deliveryOf } from './mappers/deliveries-of-events';
import { RecordDeliveryCommand } from './use-cases/record-delivery/record-delivery.command';
import { RecordDeliveryUseCase } from './use-cases/record-delivery/record-delivery.use-case';

/** The events a person must hear about, each recorded as one e-mail to send once the event commits. */
@Controller()
export class DeliveriesConsumer {
  constructor(private readonly recordDelivery: RecordDeliveryUseCase) {}

  @EventPattern(AccountCreatedV1.type)
  onAccountCreated(@Payload() event: CloudEvent<AccountCreatedV1Data>, @Ctx() uow: EventHandlerContext): Promise<void> {
    return this.recordDelivery.execute(RecordDeliveryCommand.create(deliveryOf(event)), uow);
  }

  @EventPattern(InvoiceIssuedV1.type)
  onInvoiceIssued(@Payload() event: CloudEvent<InvoiceIssuedV1Data>, @Ctx() uow: EventHandlerContext): Promise<void> {
    return this.recordDelivery.execute(RecordDeliveryCommand.create(deliveryOf(event)), uow);
  }

  @EventPattern(PasswordResetRequestedV1.type)
  onPasswordResetRequested(
    @Payload() event: CloudEvent<PasswordResetRequestedV1Data>,
    @Ctx() uow: EventHandlerContext,
  ): Promise<void> {
    return this.recordDelivery.execute(RecordDeliveryCommand.create(deliveryOf(event)), uow);
  }

  @EventPattern(UserInvitedV1.type)
  onUserInvited(@Payload() event: CloudEvent<UserInvitedV1Data>, @Ctx() uow: EventHandlerContext): Promise<void> {
    return this.recordDelivery.execute(RecordDeliveryCommand.create(deliveryOf(event)), uow);
  }

  @EventPattern(TrialEndingV1.type)
  onTrialEnding(@Payload() event: CloudEvent<TrialEndingV1Data>, @Ctx() uow: EventHandlerContext): Promise<void> {
    return this.recordDelivery.execute(RecordDeliveryCommand.create(deliveryOf(event)), uow);
  }

  @EventPattern(SubscriptionExpiringV1.type)
  onSubscriptionExpiring(
    @Payload() event: CloudEvent<SubscriptionExpiringV1Data>,
    @Ctx() uow: EventHandlerContext,
  ): Promise<void> {
    return this.recordDelivery.execute(RecordDeliveryCommand.create(deliveryOf(event)), uow);
  }

  @EventPattern(WebhookEndpointFailingV1.type)
  onWebhookEndpointFailing(
    @Payload() event: CloudEvent<WebhookEndpointFailingV1Data>,
    @Ctx() uow: EventHandlerContext,
  ): Promise<void> {
    return this.recordDelivery.execute(RecordDeliveryCommand.create(deliveryOf(event)), uow);
  }
}
