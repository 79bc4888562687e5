import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { DocumentsRepository } from '../../documents.repository';
import { DocumentEntity } from '../../entities/document.entity';
import { ListDocumentsCommand } from './list-documents.command';

/** E1: the account's documents with their validation status and upload deadline, newest first. */
@Injectable()
export class ListDocumentsUseCase {
  constructor(private readonly documents: DocumentsRepository) {}

  execute(command: ListDocumentsCommand, uow: UnitOfWork): Promise<DocumentEntity[]> {
    return this.documents.listByAccount(uow, command.accountId);
  }
}
