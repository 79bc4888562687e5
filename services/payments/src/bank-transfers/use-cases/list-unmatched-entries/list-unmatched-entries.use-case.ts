import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { BankTransfersRepository } from '../../bank-transfers.repository';
import { BankStatementEntryEntity } from '../../entities/bank-statement-entry.entity';

/** A credit transfer no payment was found for, with the statement it came in. */
export interface UnmatchedEntryView extends Omit<BankStatementEntryEntity, 'statementId' | 'paymentId'> {
  statement: { id: string; accountIban: string; statementId: string; uploadedAt: string };
}

/** The statement transactions left for staff: what they paid, who paid, the references found and the candidates. */
@Injectable()
export class ListUnmatchedEntriesUseCase {
  constructor(private readonly transfers: BankTransfersRepository) {}

  async execute(uow: UnitOfWork): Promise<UnmatchedEntryView[]> {
    const rows = await this.transfers.unmatchedEntries(uow);
    return rows.map(({ entry: { statementId: _id, paymentId: _payment, ...entry }, statement }) => ({
      ...entry,
      statement: {
        id: statement.id,
        accountIban: statement.accountIban,
        statementId: statement.statementId,
        uploadedAt: new Date(statement.uploadedAt).toISOString(),
      },
    }));
  }
}
