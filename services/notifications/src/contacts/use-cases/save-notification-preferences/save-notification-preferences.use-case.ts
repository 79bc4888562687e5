import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { Clock } from '@obolus/platform';
import { MUTABLE_TEMPLATES } from '../../../email/notice-catalog';
import { AccountContactsRepository } from '../../account-contacts.repository';
import { SaveNotificationPreferencesCommand } from './save-notification-preferences.command';

/** What a user hears: the notices muted, those that may be muted, and those always sent. */
export interface NotificationPreferences {
  muted: string[];
  mutable: readonly string[];
}

@Injectable()
export class SaveNotificationPreferencesUseCase {
  constructor(
    private readonly contacts: AccountContactsRepository,
    private readonly clock: Clock,
  ) {}

  async execute(command: SaveNotificationPreferencesCommand, uow: UnitOfWork): Promise<NotificationPreferences> {
    await this.contacts.saveMuted(uow, command.accountId, command.userId, command.muted, this.clock.now());
    return { muted: command.muted, mutable: MUTABLE_TEMPLATES };
  }

  /** The same answer, for reading. */
  async current(accountId: string, userId: string, uow: UnitOfWork): Promise<NotificationPreferences> {
    return { muted: await this.contacts.mutedBy(uow, accountId, userId), mutable: MUTABLE_TEMPLATES };
  }
}
