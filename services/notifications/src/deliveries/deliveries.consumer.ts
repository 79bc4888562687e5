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
import { templates } from '../email/templates';
import { SendEmailUseCase } from './use-cases/send-email/send-email.use-case';

/** The events a person must hear about, each turned into one e-mail. */
@Controller()
export class DeliveriesConsumer {
  constructor(private readonly sendEmail: SendEmailUseCase) {}

  @EventPattern(AccountCreatedV1.type)
  onAccountCreated(@Payload() event: CloudEvent<AccountCreatedV1Data>, @Ctx() context: EventHandlerContext): Promise<void> {
    const data = event.data;
    return this.sendEmail.execute(
      {
        accountId: data.accountId,
        template: 'welcome',
        locale: data.locale,
        causeEventId: event.id,
        to: [data.ownerEmail],
        ...templates.welcome(data),
      },
      context,
    );
  }

  /** I1: the invoice goes to the owner and every extra billing address, with its PDF. */
  @EventPattern(InvoiceIssuedV1.type)
  onInvoiceIssued(@Payload() event: CloudEvent<InvoiceIssuedV1Data>, @Ctx() context: EventHandlerContext): Promise<void> {
    const data = event.data;
    return this.sendEmail.execute(
      {
        accountId: data.accountId,
        template: 'invoice-issued',
        locale: data.locale,
        causeEventId: event.id,
        to: data.recipients,
        ...templates.invoiceIssued(data),
        attachments: [
          { filename: data.pdf.filename, content: Buffer.from(data.pdf.contentBase64, 'base64'), contentType: 'application/pdf' },
        ],
      },
      context,
    );
  }

  @EventPattern(PasswordResetRequestedV1.type)
  onPasswordResetRequested(
    @Payload() event: CloudEvent<PasswordResetRequestedV1Data>,
    @Ctx() context: EventHandlerContext,
  ): Promise<void> {
    const data = event.data;
    return this.sendEmail.execute(
      {
        accountId: data.accountId,
        template: 'password-reset',
        locale: data.locale,
        causeEventId: event.id,
        to: [data.email],
        ...templates.passwordReset(data),
      },
      context,
    );
  }

  @EventPattern(UserInvitedV1.type)
  onUserInvited(@Payload() event: CloudEvent<UserInvitedV1Data>, @Ctx() context: EventHandlerContext): Promise<void> {
    const data = event.data;
    return this.sendEmail.execute(
      {
        accountId: data.accountId,
        template: 'user-invited',
        locale: data.locale,
        causeEventId: event.id,
        to: [data.email],
        ...templates.userInvited(data),
      },
      context,
    );
  }
}
