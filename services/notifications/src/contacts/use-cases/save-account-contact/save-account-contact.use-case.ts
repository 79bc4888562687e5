import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { AccountContactsRepository } from '../../account-contacts.repository';
import { SaveAccountContactCommand } from './save-account-contact.command';

@Injectable()
export class SaveAccountContactUseCase {
  constructor(private readonly contacts: AccountContactsRepository) {}

  execute(command: SaveAccountContactCommand, uow: UnitOfWork): Promise<void> {
    return this.contacts.save(uow, command);
  }
}
