import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { WebhooksRepository } from '../../webhooks.repository';
import { SaveAccountContactCommand } from './save-account-contact.command';

@Injectable()
export class SaveAccountContactUseCase {
  constructor(private readonly webhooks: WebhooksRepository) {}

  execute(command: SaveAccountContactCommand, uow: UnitOfWork): Promise<void> {
    return this.webhooks.saveContact(uow, command);
  }
}
