import { UnitOfWork } from '@obolus/messaging';
import { PaymentEntity } from '../../payments/entities/payment.entity';
import { InMemoryPayments } from '../../payments/test-support/in-memory-payments';
import { BankTransfersRepository } from '../bank-transfers.repository';
import { BankStatementEntryEntity } from '../entities/bank-statement-entry.entity';
import { BankStatementEntity } from '../entities/bank-statement.entity';
import { BankTransferEntity } from '../entities/bank-transfer.entity';

/** payments' bank-transfer tables in memory, over the payments of an InMemoryPayments, for use-case specs. */
export class InMemoryBankTransfers implements Pick<BankTransfersRepository, keyof BankTransfersRepository> {
  readonly statements = new Map<string, BankStatementEntity>();
  readonly entries: BankStatementEntryEntity[] = [];
  readonly transfers = new Map<string, BankTransferEntity>();

  constructor(readonly payments: InMemoryPayments = new InMemoryPayments()) {}

  async recordAwaitedTransfer(_uow: UnitOfWork, payment: PaymentEntity): Promise<void> {
    const existing = [...this.payments.payments.values()].find((p) => p.draftId === payment.draftId);
    if (!existing) {
      this.payments.payments.set(payment.id, { ...payment });
      return;
    }
    if (existing.accountId !== payment.accountId || existing.provider !== 'bank') return;
    this.payments.payments.set(existing.id, {
      ...existing,
      transferReference: existing.transferReference ?? payment.transferReference ?? null,
      buyerName: existing.buyerName ?? payment.buyerName ?? null,
      proformaNumber: existing.proformaNumber ?? payment.proformaNumber ?? null,
    });
  }

  async awaitingTransfers(): Promise<PaymentEntity[]> {
    return [...this.payments.payments.values()]
      .filter((p) => p.provider === 'bank' && p.status === 'processing')
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((p) => ({ ...p }));
  }

  async insertStatement(_uow: UnitOfWork, statement: BankStatementEntity): Promise<boolean> {
    const key = `${statement.accountIban}/${statement.statementId}`;
    if (this.statements.has(key)) return false;
    this.statements.set(key, { ...statement });
    return true;
  }

  async findStatement(_uow: UnitOfWork, accountIban: string, statementId: string): Promise<BankStatementEntity | null> {
    return this.statements.get(`${accountIban}/${statementId}`) ?? null;
  }

  async transferredKeys(_uow: UnitOfWork, transactionKeys: string[]): Promise<Set<string>> {
    const known = new Set([...this.transfers.values()].map((t) => t.transactionKey));
    return new Set(transactionKeys.filter((key) => known.has(key)));
  }

  async insertEntries(_uow: UnitOfWork, entries: BankStatementEntryEntity[]): Promise<void> {
    for (const entry of entries) {
      if (this.entries.some((e) => e.statementId === entry.statementId && e.transactionKey === entry.transactionKey)) {
        throw new Error(`duplicate key: entry ${entry.transactionKey}`);
      }
      this.entries.push({ ...entry });
    }
  }

  async entriesOf(_uow: UnitOfWork, statementId: string): Promise<BankStatementEntryEntity[]> {
    return this.entries.filter((e) => e.statementId === statementId).map((e) => ({ ...e }));
  }

  async insertTransfer(_uow: UnitOfWork, transfer: BankTransferEntity): Promise<void> {
    const clash = [...this.transfers.values()].some(
      (t) =>
        t.id === transfer.id ||
        (transfer.transactionKey !== null && t.transactionKey === transfer.transactionKey) ||
        (transfer.idempotencyKey !== null && t.accountId === transfer.accountId && t.idempotencyKey === transfer.idempotencyKey),
    );
    if (clash) throw new Error(`duplicate key: transfer ${transfer.id}`);
    this.transfers.set(transfer.id, { ...transfer });
  }

  async resolveUnmatchedEntry(
    _uow: UnitOfWork,
    transactionKey: string,
    paymentId: string,
    detail: string,
  ): Promise<{ amountMinor: number; currency: string } | null> {
    const entry = this.entries.find((e) => e.transactionKey === transactionKey && e.outcome === 'unmatched');
    if (!entry) return null;
    Object.assign(entry, { outcome: 'matched', paymentId, detail });
    return { amountMinor: entry.amountMinor, currency: entry.currency };
  }

  async findTransferByIdempotencyKey(
    _uow: UnitOfWork,
    accountId: string,
    idempotencyKey: string,
  ): Promise<BankTransferEntity | null> {
    const row = [...this.transfers.values()].find((t) => t.accountId === accountId && t.idempotencyKey === idempotencyKey);
    return row ? { ...row } : null;
  }

  async unmatchedEntries(): Promise<{ entry: BankStatementEntryEntity; statement: BankStatementEntity }[]> {
    const statements = [...this.statements.values()];
    return this.entries
      .filter((e) => e.outcome === 'unmatched')
      .map((entry) => ({ entry: { ...entry }, statement: statements.find((s) => s.id === entry.statementId)! }));
  }
}
