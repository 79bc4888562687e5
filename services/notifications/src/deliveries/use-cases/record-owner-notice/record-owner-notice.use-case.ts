import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { AccountContactsRepository } from '../../../contacts/account-contacts.repository';
import { deliveryOf, EventOwingEmail } from '../../mappers/deliveries-of-events';
import { RecordDeliveryCommand } from '../record-delivery/record-delivery.command';
import { RecordDeliveryUseCase } from '../record-delivery/record-delivery.use-case';
import { RecordOwnerNoticeCommand } from './record-owner-notice.command';

/**
 * The e-mail an event owes the account's owner when the event names neither the address nor the
 * language (trial ended, period expired): both come from the account's contact, and the event's own
 * data wins where it has them. Without a contact the delivery says why none is owed.
 */
@Injectable()
export class RecordOwnerNoticeUseCase {
  constructor(
    private readonly contacts: AccountContactsRepository,
    private readonly recordDelivery: RecordDeliveryUseCase,
  ) {}

  async execute(command: RecordOwnerNoticeCommand, uow: UnitOfWork): Promise<void> {
    const contact = await this.contacts.find(uow, command.accountId);
    const data = { ...(contact ? { ownerEmail: contact.ownerEmail, locale: contact.locale } : {}), ...command.event.data };
    const event = { ...command.event, data } as EventOwingEmail;
    await this.recordDelivery.execute(RecordDeliveryCommand.create(deliveryOf(event)), uow);
  }
}
