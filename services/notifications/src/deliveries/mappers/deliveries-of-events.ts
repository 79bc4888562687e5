import {
  AccountCreatedV1Data,
  CloudEvent,
  InvoiceIssuedV1Data,
  PasswordResetRequestedV1Data,
  UserInvitedV1Data,
} from '@obolus/contracts';
import { RecordDeliveryCommand } from '../use-cases/record-delivery/record-delivery.command';

/** The e-mail each event owes, and to whom. */
export const deliveryOf = {
  accountCreated: (event: CloudEvent<AccountCreatedV1Data>) =>
    RecordDeliveryCommand.create({
      accountId: event.data.accountId,
      template: 'welcome',
      locale: event.data.locale,
      causeEventId: event.id,
      recipients: [event.data.ownerEmail],
      templateData: event.data,
    }),

  /** I1: the invoice goes to the owner and every extra billing address, with its PDF. */
  invoiceIssued: (event: CloudEvent<InvoiceIssuedV1Data>) =>
    RecordDeliveryCommand.create({
      accountId: event.data.accountId,
      template: 'invoice-issued',
      locale: event.data.locale,
      causeEventId: event.id,
      recipients: event.data.recipients,
      templateData: event.data,
    }),

  passwordResetRequested: (event: CloudEvent<PasswordResetRequestedV1Data>) =>
    RecordDeliveryCommand.create({
      accountId: event.data.accountId,
      template: 'password-reset',
      locale: event.data.locale,
      causeEventId: event.id,
      recipients: [event.data.email],
      templateData: event.data,
    }),

  userInvited: (event: CloudEvent<UserInvitedV1Data>) =>
    RecordDeliveryCommand.create({
      accountId: event.data.accountId,
      template: 'user-invited',
      locale: event.data.locale,
      causeEventId: event.id,
      recipients: [event.data.email],
      templateData: event.data,
    }),
};
