import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { AccountContactsRepository } from '../../account-contacts.repository';
import { SaveAccountContactCommand } from './save-account-contact.command';

@Injectable()
export class SaveAccountContactUseCase {
  constructor(private readonly contacts: AccountContactsRepository) {}

  /** The owner's address and language, and the owner as the account's first member. */
  async execute(command: SaveAccountContactCommand, uow: UnitOfWork): Promise<void> {
    await this.contacts.save(uow, command);
    await this.contacts.saveMember(uow, {
      accountId: command.accountId,
      userId: command.ownerUserId,
      email: command.ownerEmail,
      role: 'owner',
    });
  }
}
