import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { In } from 'typeorm';
import { PaymentEntity } from '../payments/entities/payment.entity';
import { BankStatementEntryEntity } from './entities/bank-statement-entry.entity';
import { BankStatementEntity } from './entities/bank-statement.entity';
import { BankTransferEntity } from './entities/bank-transfer.entity';

/** The most unmatched transactions listed at once, newest statements first. */
export const UNMATCHED_LIST_LIMIT = 500;

/**
 * Bank statements, their transactions, and the transfers applied to payments. A statement belongs to
 * Obolus's own bank account, not to a customer's: matching it reads the payments awaiting a transfer of
 * every account, which is why `awaitingTransfers` and the statement queries are not scoped by account.
 * Everything that touches one payment still is.
 */
@Injectable()
export class BankTransfersRepository {
  /**
   * Records a payment awaiting a transfer, or completes the one recorded from the other event (the
   * proforma and the payment request may arrive in either order): what is already known is kept.
   */
  async recordAwaitedTransfer({ manager }: UnitOfWork, payment: PaymentEntity): Promise<void> {
    await manager.query(
      `INSERT INTO payments.payments AS p (id, account_id, draft_id, amount_minor, currency, payment_method, status, provider,
                                          transfer_reference, buyer_name, proforma_number, trace_headers, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'processing', 'bank', $7, $8, $9, $10, $11, $11)
       ON CONFLICT (draft_id) DO UPDATE SET
         transfer_reference = COALESCE(p.transfer_reference, EXCLUDED.transfer_reference),
         buyer_name = COALESCE(p.buyer_name, EXCLUDED.buyer_name),
         proforma_number = COALESCE(p.proforma_number, EXCLUDED.proforma_number)
       WHERE p.account_id = EXCLUDED.account_id AND p.provider = 'bank'`,
      [
        payment.id,
        payment.accountId,
        payment.draftId,
        payment.amountMinor,
        payment.currency,
        payment.paymentMethod,
        payment.transferReference ?? null,
        payment.buyerName ?? null,
        payment.proformaNumber ?? null,
        JSON.stringify(payment.traceHeaders),
        payment.createdAt,
      ],
    );
  }

  /**
   * Every payment awaiting a bank transfer, locked, in id order (two uploads queue instead of
   * deadlocking, and a staff transfer on one of them waits for the upload).
   */
  awaitingTransfers({ manager }: UnitOfWork): Promise<PaymentEntity[]> {
    return manager.find(PaymentEntity, {
      where: { provider: 'bank', status: 'processing' },
      order: { id: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /**
   * True when the statement is new. A statement already there (uploaded before, or by a request that
   * committed while this one waited on the unique key) is left untouched.
   */
  async insertStatement({ manager }: UnitOfWork, statement: BankStatementEntity): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO payments.bank_statements (id, account_iban, statement_id, message_id, version, currency, created_by_bank_at,
                                            sha256, uploaded_by, uploaded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (account_iban, statement_id) DO NOTHING RETURNING id`,
      [
        statement.id,
        statement.accountIban,
        statement.statementId,
        statement.messageId,
        statement.version,
        statement.currency,
        statement.createdByBankAt,
        statement.sha256,
        statement.uploadedBy,
        statement.uploadedAt,
      ],
    );
    return rows.length > 0;
  }

  findStatement({ manager }: UnitOfWork, accountIban: string, statementId: string): Promise<BankStatementEntity | null> {
    return manager.findOne(BankStatementEntity, { where: { accountIban, statementId } });
  }

  /** The transaction keys among these that already paid a payment (from any statement). */
  async transferredKeys({ manager }: UnitOfWork, transactionKeys: string[]): Promise<Set<string>> {
    if (transactionKeys.length === 0) return new Set();
    const rows = await manager.find(BankTransferEntity, {
      select: { transactionKey: true },
      where: { transactionKey: In(transactionKeys) },
    });
    return new Set(rows.map((row) => row.transactionKey!));
  }

  async insertEntries({ manager }: UnitOfWork, entries: BankStatementEntryEntity[]): Promise<void> {
    if (entries.length) await manager.insert(BankStatementEntryEntity, entries);
  }

  entriesOf({ manager }: UnitOfWork, statementId: string): Promise<BankStatementEntryEntity[]> {
    return manager.find(BankStatementEntryEntity, { where: { statementId } });
  }

  async insertTransfer({ manager }: UnitOfWork, transfer: BankTransferEntity): Promise<void> {
    await manager.insert(BankTransferEntity, transfer);
  }

  /**
   * Marks an unmatched statement transaction as paying this payment (staff resolved it); its amount and
   * currency, or null when it is not unmatched (unknown, ignored, or resolved already, even at this moment).
   */
  async resolveUnmatchedEntry(
    { manager }: UnitOfWork,
    transactionKey: string,
    paymentId: string,
    detail: string,
  ): Promise<{ amountMinor: number; currency: string } | null> {
    // TypeORM answers an UPDATE with [returned rows, affected count].
    const [rows]: [{ amount_minor: string; currency: string }[], number] = await manager.query(
      `UPDATE payments.bank_statement_entries SET outcome = 'matched', payment_id = $2, detail = $3
        WHERE transaction_key = $1 AND outcome = 'unmatched'
        RETURNING amount_minor, currency`,
      [transactionKey, paymentId, detail],
    );
    // A shared transaction key across statements cannot happen (it holds the account and statement id).
    return rows[0] ? { amountMinor: Number(rows[0].amount_minor), currency: rows[0].currency } : null;
  }

  findTransferByIdempotencyKey(
    { manager }: UnitOfWork,
    accountId: string,
    idempotencyKey: string,
  ): Promise<BankTransferEntity | null> {
    return manager.findOne(BankTransferEntity, { where: { accountId, idempotencyKey } });
  }

  /** Credit transactions no payment was found for, newest upload first, with their statement. */
  async unmatchedEntries({
    manager,
  }: UnitOfWork): Promise<{ entry: BankStatementEntryEntity; statement: BankStatementEntity }[]> {
    const entries = await manager
      .createQueryBuilder(BankStatementEntryEntity, 'e')
      .innerJoin(BankStatementEntity, 's', 's.id = e.statement_id')
      .where(`e.outcome = 'unmatched'`)
      .orderBy('s.uploaded_at', 'DESC')
      .addOrderBy('e.statement_id')
      .addOrderBy('e.transaction_key')
      .limit(UNMATCHED_LIST_LIMIT)
      .getMany();
    const statementIds = [...new Set(entries.map((entry) => entry.statementId))];
    const statements = statementIds.length ? await manager.find(BankStatementEntity, { where: { id: In(statementIds) } }) : [];
    const byId = new Map(statements.map((statement) => [statement.id, statement]));
    return entries.map((entry) => ({ entry, statement: byId.get(entry.statementId)! }));
  }
}
