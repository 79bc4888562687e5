import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  AccountClosureRequestedV1,
  AccountClosureRequestedV1Data,
  AccountExportReadyV1,
  AccountExportReadyV1Data,
  AccountCreatedV1,
  AccountCreatedV1Data,
  CloudEvent,
  CreditNoteIssuedV1,
  CreditNoteIssuedV1Data,
  InvoiceIssuedV1,
  InvoiceIssuedV1Data,
  ProformaIssuedV1,
  ProformaIssuedV1Data,
  InvoiceOverdueV1,
  InvoiceOverdueV1Data,
  PasswordResetRequestedV1,
  PasswordResetRequestedV1Data,
  SubscriptionExpiringV1,
  SubscriptionExpiringV1Data,
  TrialEndingV1,
  TrialEndingV1Data,
  UserInvitedV1,
  PaymentFailedV1,
  PaymentFailedV1Data,
  SubscriptionExpiredV1,
  SubscriptionExpiredV1Data,
  TrialEndedV1,
  TrialEndedV1Data,
  UserInvitedV1Data,
  WebhookEndpointFailingV1,
  WebhookEndpointFailingV1Data,
  EfacturaAuthorizationLostV1,
  EfacturaAuthorizationLostV1Data,
  EfacturaDeadlineApproachingV1,
  EfacturaDeadlineApproachingV1Data,
  EfacturaIncomingReceivedV1,
  EfacturaIncomingReceivedV1Data,
  EfacturaSubmissionRejectedV1,
  EfacturaSubmissionRejectedV1Data,
} from '@obolus/contracts';
import { EventHandlerContext } from '@obolus/messaging';
import { deliveryOf } from './mappers/deliveries-of-events';
import { RecordDeliveryCommand } from './use-cases/record-delivery/record-delivery.command';
import { RecordDeliveryUseCase } from './use-cases/record-delivery/record-delivery.use-case';
import { RecordOwnerNoticeCommand } from './use-cases/record-owner-notice/record-owner-notice.command';
import { RecordOwnerNoticeUseCase } from './use-cases/record-owner-notice/record-owner-notice.use-case';
import { RecordStaffAlertCommand } from './use-cases/record-staff-alert/record-staff-alert.command';
import { RecordStaffAlertUseCase } from './use-cases/record-staff-alert/record-staff-alert.use-case';

/** The events a person must hear about, each recorded as one e-mail to send once the event commits. */
@Controller()
export class DeliveriesConsumer {
  constructor(
    private readonly recordDelivery: RecordDeliveryUseCase,
    private readonly recordOwnerNotice: RecordOwnerNoticeUseCase,
    private readonly recordStaffAlert: RecordStaffAlertUseCase,
  ) {}

  @EventPattern(AccountCreatedV1.type)
  onAccountCreated(@Payload() event: CloudEvent<AccountCreatedV1Data>, @Ctx() uow: EventHandlerContext): Promise<void> {
    return this.recordDelivery.execute(RecordDeliveryCommand.create(deliveryOf(event)), uow);
  }

  @EventPattern(InvoiceIssuedV1.type)
  onInvoiceIssued(@Payload() event: CloudEvent<InvoiceIssuedV1Data>, @Ctx() uow: EventHandlerContext): Promise<void> {
    return this.recordDelivery.execute(RecordDeliveryCommand.create(deliveryOf(event)), uow);
  }

  @EventPattern(CreditNoteIssuedV1.type)
  onCreditNoteIssued(@Payload() event: CloudEvent<CreditNoteIssuedV1Data>, @Ctx() uow: EventHandlerContext): Promise<void> {
    return this.recordDelivery.execute(RecordDeliveryCommand.create(deliveryOf(event)), uow);
  }

  @EventPattern(InvoiceOverdueV1.type)
  onInvoiceOverdue(@Payload() event: CloudEvent<InvoiceOverdueV1Data>, @Ctx() uow: EventHandlerContext): Promise<void> {
    return this.recordDelivery.execute(RecordDeliveryCommand.create(deliveryOf(event)), uow);
  }

  @EventPattern(ProformaIssuedV1.type)
  onProformaIssued(@Payload() event: CloudEvent<ProformaIssuedV1Data>, @Ctx() uow: EventHandlerContext): Promise<void> {
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
    return this.recordOwnerNotice.execute(RecordOwnerNoticeCommand.create({ event }), uow);
  }

  @EventPattern(SubscriptionExpiringV1.type)
  onSubscriptionExpiring(
    @Payload() event: CloudEvent<SubscriptionExpiringV1Data>,
    @Ctx() uow: EventHandlerContext,
  ): Promise<void> {
    return this.recordOwnerNotice.execute(RecordOwnerNoticeCommand.create({ event }), uow);
  }

  @EventPattern(WebhookEndpointFailingV1.type)
  onWebhookEndpointFailing(
    @Payload() event: CloudEvent<WebhookEndpointFailingV1Data>,
    @Ctx() uow: EventHandlerContext,
  ): Promise<void> {
    return this.recordDelivery.execute(RecordDeliveryCommand.create(deliveryOf(event)), uow);
  }

  @EventPattern(TrialEndedV1.type)
  onTrialEnded(@Payload() event: CloudEvent<TrialEndedV1Data>, @Ctx() uow: EventHandlerContext): Promise<void> {
    return this.recordOwnerNotice.execute(RecordOwnerNoticeCommand.create({ event }), uow);
  }

  @EventPattern(SubscriptionExpiredV1.type)
  onSubscriptionExpired(@Payload() event: CloudEvent<SubscriptionExpiredV1Data>, @Ctx() uow: EventHandlerContext): Promise<void> {
    return this.recordOwnerNotice.execute(RecordOwnerNoticeCommand.create({ event }), uow);
  }

  @EventPattern(PaymentFailedV1.type)
  onPaymentFailed(@Payload() event: CloudEvent<PaymentFailedV1Data>, @Ctx() uow: EventHandlerContext): Promise<void> {
    return this.recordOwnerNotice.execute(RecordOwnerNoticeCommand.create({ event }), uow);
  }

  @EventPattern(AccountClosureRequestedV1.type)
  onAccountClosureRequested(
    @Payload() event: CloudEvent<AccountClosureRequestedV1Data>,
    @Ctx() uow: EventHandlerContext,
  ): Promise<void> {
    return this.recordDelivery.execute(RecordDeliveryCommand.create(deliveryOf(event)), uow);
  }

  @EventPattern(AccountExportReadyV1.type)
  onAccountExportReady(@Payload() event: CloudEvent<AccountExportReadyV1Data>, @Ctx() uow: EventHandlerContext): Promise<void> {
    return this.recordDelivery.execute(RecordDeliveryCommand.create(deliveryOf(event)), uow);
  }

  @EventPattern(EfacturaSubmissionRejectedV1.type)
  onEfacturaRejected(
    @Payload() event: CloudEvent<EfacturaSubmissionRejectedV1Data>,
    @Ctx() uow: EventHandlerContext,
  ): Promise<void> {
    return this.recordStaffAlert.execute(RecordStaffAlertCommand.create({ event }), uow);
  }

  @EventPattern(EfacturaDeadlineApproachingV1.type)
  onEfacturaDeadlineApproaching(
    @Payload() event: CloudEvent<EfacturaDeadlineApproachingV1Data>,
    @Ctx() uow: EventHandlerContext,
  ): Promise<void> {
    return this.recordStaffAlert.execute(RecordStaffAlertCommand.create({ event }), uow);
  }

  @EventPattern(EfacturaAuthorizationLostV1.type)
  onEfacturaAuthorizationLost(
    @Payload() event: CloudEvent<EfacturaAuthorizationLostV1Data>,
    @Ctx() uow: EventHandlerContext,
  ): Promise<void> {
    return this.recordStaffAlert.execute(RecordStaffAlertCommand.create({ event }), uow);
  }

  @EventPattern(EfacturaIncomingReceivedV1.type)
  onSupplierInvoiceReceived(
    @Payload() event: CloudEvent<EfacturaIncomingReceivedV1Data>,
    @Ctx() uow: EventHandlerContext,
  ): Promise<void> {
    return this.recordOwnerNotice.execute(RecordOwnerNoticeCommand.create({ event }), uow);
  }
}
