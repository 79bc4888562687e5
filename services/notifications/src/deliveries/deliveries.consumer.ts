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
  UserInvitedV1,
  UserInvitedV1Data,
} from '@obolus/contracts';
import { EventHandlerContext } from '@obolus/messaging';
import { deliveryOf } from './mappers/deliveries-of-events';
import { RecordDeliveryUseCase } from './use-cases/record-delivery/record-delivery.use-case';

/** The events a person must hear about, each recorded as one e-mail to send once the event commits. */
@Controller()
export class DeliveriesConsumer {
  constructor(private readonly recordDelivery: RecordDeliveryUseCase) {}

  @EventPattern(AccountCreatedV1.type)
  onAccountCreated(@Payload() event: CloudEvent<AccountCreatedV1Data>, @Ctx() { manager }: EventHandlerContext): Promise<void> {
    return this.recordDelivery.execute(deliveryOf.accountCreated(event), manager);
  }

  @EventPattern(InvoiceIssuedV1.type)
  onInvoiceIssued(@Payload() event: CloudEvent<InvoiceIssuedV1Data>, @Ctx() { manager }: EventHandlerContext): Promise<void> {
    return this.recordDelivery.execute(deliveryOf.invoiceIssued(event), manager);
  }

  @EventPattern(PasswordResetRequestedV1.type)
  onPasswordResetRequested(
    @Payload() event: CloudEvent<PasswordResetRequestedV1Data>,
    @Ctx() { manager }: EventHandlerContext,
  ): Promise<void> {
    return this.recordDelivery.execute(deliveryOf.passwordResetRequested(event), manager);
  }

  @EventPattern(UserInvitedV1.type)
  onUserInvited(@Payload() event: CloudEvent<UserInvitedV1Data>, @Ctx() { manager }: EventHandlerContext): Promise<void> {
    return this.recordDelivery.execute(deliveryOf.userInvited(event), manager);
  }
}
