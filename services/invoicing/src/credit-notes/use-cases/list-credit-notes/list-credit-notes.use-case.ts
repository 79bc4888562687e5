import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { CreditNotesRepository } from '../../credit-notes.repository';
import { CreditNoteEntity } from '../../entities/credit-note.entity';
import { ListCreditNotesCommand } from './list-credit-notes.command';

/** I2: the account's credit notes (latest 200), newest first, without their PDF bytes. */
@Injectable()
export class ListCreditNotesUseCase {
  constructor(private readonly creditNotes: CreditNotesRepository) {}

  execute(command: ListCreditNotesCommand, uow: UnitOfWork): Promise<CreditNoteEntity[]> {
    return this.creditNotes.list(uow, command.accountId);
  }
}
