import { Injectable } from '@nestjs/common';
import { NotificationDeliveredV1 } from '@obolus/contracts';
import { EventHandlerContext } from '@obolus/messaging';
import { randomUUID } from 'node:crypto';
import { DeliveriesRepository } from '../../deliveries.repository';
import { Mailer, OutgoingEmail } from '../../../email/mailer';

export interface EmailToSend {
  accountId: string;
  template: string;
  locale: string;
  causeEventId: string;
  to: string[];
  subject: string;
  text: string;
  attachments?: OutgoingEmail['attachments'];
}

/**
 * Sends one e-mail for one event and records the delivery in the event's transaction: the inbox and
 * the (cause, template) key make a redelivered event send nothing twice. A failed send throws, so the
 * event is retried and finally dead-lettered.
 */
@Injectable()
export class SendEmailUseCase {
  constructor(
    private readonly mailer: Mailer,
    private readonly deliveries: DeliveriesRepository,
  ) {}

  async execute(email: EmailToSend, { manager, emit }: EventHandlerContext): Promise<void> {
    if (await this.deliveries.exists(manager, email.causeEventId, email.template)) return;
    const deliveryId = randomUUID();
    await this.mailer.send({
      deliveryId,
      to: email.to,
      subject: email.subject,
      text: email.text,
      attachments: email.attachments,
    });
    const sentAt = new Date();
    await this.deliveries.insert(manager, {
      id: deliveryId,
      accountId: email.accountId,
      template: email.template,
      channel: 'email',
      recipients: email.to,
      locale: email.locale,
      causeEventId: email.causeEventId,
      status: 'sent',
      createdAt: sentAt,
      sentAt,
    });
    await emit(NotificationDeliveredV1, {
      accountId: email.accountId,
      subject: deliveryId,
      data: {
        accountId: email.accountId,
        deliveryId,
        template: email.template,
        channel: 'email',
        recipients: email.to,
        causeEventId: email.causeEventId,
        deliveredAt: sentAt.toISOString(),
      },
    });
  }
}
