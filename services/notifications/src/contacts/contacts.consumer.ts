import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { AccountCreatedV1, AccountCreatedV1Data, CloudEvent } from '@obolus/contracts';
import { EventHandlerContext } from '@obolus/messaging';
import { SaveAccountContactCommand } from './use-cases/save-account-contact/save-account-contact.command';
import { SaveAccountContactUseCase } from './use-cases/save-account-contact/save-account-contact.use-case';

/** The owner's address and language, kept for the notices whose events do not carry them (account.created also feeds the welcome e-mail: Nest chains both). */
@Controller()
export class ContactsConsumer {
  constructor(private readonly saveContact: SaveAccountContactUseCase) {}

  @EventPattern(AccountCreatedV1.type)
  onAccountCreated(@Payload() event: CloudEvent<AccountCreatedV1Data>, @Ctx() uow: EventHandlerContext): Promise<void> {
    const { accountId, ownerEmail, locale } = event.data;
    return this.saveContact.execute(SaveAccountContactCommand.create({ accountId, ownerEmail, locale }), uow);
  }
}
