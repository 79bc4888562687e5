import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { AccountContactsRepository } from '../../account-contacts.repository';
import { RecordMemberChangeCommand } from './record-member-change.command';

@Injectable()
export class RecordMemberChangeUseCase {
  constructor(private readonly contacts: AccountContactsRepository) {}

  async execute(command: RecordMemberChangeCommand, uow: UnitOfWork): Promise<void> {
    if (command.change === 'removed') return this.contacts.removeMember(uow, command.accountId, command.userId);
    await this.contacts.saveMember(uow, {
      accountId: command.accountId,
      userId: command.userId,
      email: command.email!,
      role: command.role!,
    });
  }
}
