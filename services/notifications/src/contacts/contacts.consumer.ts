import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  AccountCreatedV1,
  AccountCreatedV1Data,
  CloudEvent,
  UserJoinedV1,
  UserJoinedV1Data,
  UserRemovedV1,
  UserRemovedV1Data,
} from '@obolus/contracts';
import { EventHandlerContext } from '@obolus/messaging';
import { RecordMemberChangeCommand } from './use-cases/record-member-change/record-member-change.command';
import { RecordMemberChangeUseCase } from './use-cases/record-member-change/record-member-change.use-case';
import { SaveAccountContactCommand } from './use-cases/save-account-contact/save-account-contact.command';
import { SaveAccountContactUseCase } from './use-cases/save-account-contact/save-account-contact.use-case';

/** The owner's address and language, kept for the notices whose events do not carry them (account.created also feeds the welcome e-mail: Nest chains both). */
@Controller()
export class ContactsConsumer {
  constructor(
    private readonly saveContact: SaveAccountContactUseCase,
    private readonly recordMemberChange: RecordMemberChangeUseCase,
  ) {}

  @EventPattern(AccountCreatedV1.type)
  onAccountCreated(@Payload() event: CloudEvent<AccountCreatedV1Data>, @Ctx() uow: EventHandlerContext): Promise<void> {
    const { accountId, ownerUserId, ownerEmail, locale } = event.data;
    return this.saveContact.execute(SaveAccountContactCommand.create({ accountId, ownerUserId, ownerEmail, locale }), uow);
  }

  @EventPattern(UserJoinedV1.type)
  onUserJoined(@Payload() event: CloudEvent<UserJoinedV1Data>, @Ctx() uow: EventHandlerContext): Promise<void> {
    const { accountId, userId, email, role } = event.data;
    return this.recordMemberChange.execute(RecordMemberChangeCommand.create({ accountId, userId, email, role, change: 'joined' }), uow);
  }

  @EventPattern(UserRemovedV1.type)
  onUserRemoved(@Payload() event: CloudEvent<UserRemovedV1Data>, @Ctx() uow: EventHandlerContext): Promise<void> {
    const { accountId, userId } = event.data;
    return this.recordMemberChange.execute(RecordMemberChangeCommand.create({ accountId, userId, change: 'removed' }), uow);
  }
}
