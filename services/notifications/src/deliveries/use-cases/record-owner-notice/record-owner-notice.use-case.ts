import { Inject, Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { AccountContactsRepository } from '../../../contacts/account-contacts.repository';
import { MUTABLE_TEMPLATES } from '../../../email/notice-catalog';
import { deliveryOf, EventOwingEmail, templateOf } from '../../mappers/deliveries-of-events';
import { RecordDeliveryCommand } from '../record-delivery/record-delivery.command';
import { RecordDeliveryUseCase } from '../record-delivery/record-delivery.use-case';
import { RecordOwnerNoticeCommand } from './record-owner-notice.command';

/** The customer portal's base URL, for links in notices. */
export const PORTAL_URL = Symbol('PORTAL_URL');

/**
 * The e-mail an account notice owes: to the owner and admins who did not mute it (legal and financial
 * notices cannot be muted), in the account's language. The address and language come from the
 * account's contact when the event does not name them (trial ended, period expired, payment failed).
 * Nobody to tell (no contact, or everyone muted it): the delivery says why none is owed.
 */
@Injectable()
export class RecordOwnerNoticeUseCase {
  constructor(
    private readonly contacts: AccountContactsRepository,
    private readonly recordDelivery: RecordDeliveryUseCase,
    @Inject(PORTAL_URL) private readonly portalUrl: string,
  ) {}

  async execute(command: RecordOwnerNoticeCommand, uow: UnitOfWork): Promise<void> {
    const template = templateOf(command.event.type);
    const contact = await this.contacts.find(uow, command.accountId);
    const noticeRecipients = await this.contacts.noticeRecipients(uow, command.accountId, template, MUTABLE_TEMPLATES.includes(template));
    const data = {
      ...(contact ? { ownerEmail: contact.ownerEmail, locale: contact.locale } : {}),
      ...command.event.data,
      ...(noticeRecipients ? { noticeRecipients } : {}),
      portalUrl: this.portalUrl,
    };
    const event = { ...command.event, data } as EventOwingEmail;
    await this.recordDelivery.execute(RecordDeliveryCommand.create(deliveryOf(event)), uow);
  }
}
