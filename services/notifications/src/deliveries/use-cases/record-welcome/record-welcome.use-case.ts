import { Injectable } from '@nestjs/common';
import { AccountCreatedV1Data, CloudEvent } from '@obolus/contracts';
import { EventHandlerContext } from '@obolus/messaging';
import { randomUUID } from 'node:crypto';
import { DeliveriesRepository } from '../../deliveries.repository';

/** A new account gets a welcome e-mail to its owner: recorded here, in the event's transaction. */
@Injectable()
export class RecordWelcomeUseCase {
  constructor(private readonly deliveries: DeliveriesRepository) {}

  async execute(event: CloudEvent<AccountCreatedV1Data>, { manager }: EventHandlerContext): Promise<void> {
    await this.deliveries.insert(manager, {
      id: randomUUID(),
      accountId: event.data.accountId,
      template: 'welcome',
      channel: 'email',
      recipients: [event.data.ownerEmail],
      locale: event.data.locale,
      causeEventId: event.id,
      status: 'pending',
      createdAt: new Date(),
      sentAt: null,
    });
  }
}
