import { Injectable, Logger } from '@nestjs/common';
import {
  BankStatement,
  EntryTransaction,
  matchStatement,
  OpenProforma,
  parseCamt053,
  StatementEntry,
  TransactionOutcome,
} from '@obolus/bank-statements';
import { StaffActionTakenV1 } from '@obolus/contracts';
import { AccountClocks, UnitOfWork } from '@obolus/messaging';
import { Clock, nameBasedUuid } from '@obolus/platform';
import { createHash } from 'node:crypto';
import { PaymentEntity } from '../../../payments/entities/payment.entity';
import { paymentOutcome } from '../../../payments/mappers/payment-outcome';
import { PaymentsRepository } from '../../../payments/payments.repository';
import { BankTransfersRepository } from '../../bank-transfers.repository';
import { BankStatementEntryEntity } from '../../entities/bank-statement-entry.entity';
import { BankStatementEntity } from '../../entities/bank-statement.entity';
import { applyTransfer } from '../../mappers/apply-transfer';
import { staffActionTaken } from '@obolus/operations';
import { STATEMENT_MAX_BYTES } from '../../statement-upload';
import { ImportBankStatementCommand } from './import-bank-statement.command';

/** A transaction of the statement as staff see it. */
export type StatementEntryView = Omit<BankStatementEntryEntity, 'statementId'>;

/** A payment the statement paid towards, after it. */
export interface PaymentPaidView {
  paymentId: string;
  accountId: string;
  draftId: string;
  status: PaymentEntity['status'];
  amountMinor: number;
  receivedMinor: number;
  excessMinor: number;
  currency: string;
}

export interface StatementView {
  /** Obolus's id of the stored statement. */
  id: string;
  accountIban: string;
  statementId: string;
  messageId: string;
  uploadedAt: string;
  uploadedBy: string;
  /** True when this statement had been uploaded before: nothing was changed. */
  alreadyRecorded: boolean;
  counts: { matched: number; unmatched: number; ignored: number };
  entries: StatementEntryView[];
  /** The payments this upload paid towards (empty for a statement recorded before). */
  payments: PaymentPaidView[];
}

export interface StatementImport {
  /** True when every statement of the file had been uploaded before: the answer is the earlier result. */
  alreadyRecorded: boolean;
  statements: StatementView[];
}

/**
 * Reads an uploaded camt.053 (refusing, with nothing written, a file too large, with a DTD, malformed,
 * or of another message), stores each statement once per account and statement id, and matches its
 * credit transfers to the payments awaiting them: by reference, then by amount and the buyer's name
 * (@obolus/bank-statements). Each match adds to what its payment received; reaching the amount asked
 * makes it succeed and publishes payment.succeeded, in the same transaction. A statement uploaded
 * again is found by its unique key and changes nothing; a transaction that already paid (unique key)
 * never pays twice. Each account the upload paid towards gets `staff.action-taken` (who uploaded, why).
 */
@Injectable()
export class ImportBankStatementUseCase {
  private readonly logger = new Logger(ImportBankStatementUseCase.name);

  constructor(
    private readonly transfers: BankTransfersRepository,
    private readonly payments: PaymentsRepository,
    private readonly clocks: AccountClocks,
    private readonly clock: Clock,
  ) {}

  async execute(command: ImportBankStatementCommand, uow: UnitOfWork): Promise<StatementImport> {
    const file = parseCamt053(command.xml, { maxBytes: STATEMENT_MAX_BYTES });
    const sha256 = createHash('sha256').update(command.xml).digest('hex');
    const statements: StatementView[] = [];
    for (const statement of file.statements) {
      const row: BankStatementEntity = {
        id: nameBasedUuid('obolus.payments.bank-statement', `${accountOf(statement)}/${statement.id}`),
        accountIban: accountOf(statement),
        statementId: statement.id,
        messageId: file.messageId,
        version: `camt.053.001.${file.version}`,
        currency: statement.account.currency,
        createdByBankAt: statement.createdAt,
        sha256,
        uploadedBy: command.uploadedBy,
        uploadedAt: this.clock.now(),
      };
      statements.push(
        (await this.transfers.insertStatement(uow, row))
          ? await this.match(statement, row, command, uow)
          : await this.earlier(statement, uow),
      );
    }
    return { alreadyRecorded: statements.every((s) => s.alreadyRecorded), statements };
  }

  private async match(
    statement: BankStatement,
    row: BankStatementEntity,
    command: ImportBankStatementCommand,
    uow: UnitOfWork,
  ): Promise<StatementView> {
    const transactions = new Map<string, { entry: StatementEntry; transaction: EntryTransaction }>(
      statement.entries.flatMap((entry) => entry.transactions.map((transaction) => [transaction.key, { entry, transaction }])),
    );
    const paidBefore = await this.transfers.transferredKeys(uow, [...transactions.keys()]);
    const awaiting = await this.transfers.awaitingTransfers(uow);
    const matching = matchStatement(
      statement.entries.map((entry) => ({ ...entry, transactions: entry.transactions.filter((t) => !paidBefore.has(t.key)) })),
      awaiting.map(openProformaOf),
    );
    const current = new Map(awaiting.map((payment) => [payment.id, payment]));
    const changed = new Set<string>();
    const entries: BankStatementEntryEntity[] = [];
    for (const outcome of matching.outcomes) {
      const { entry, transaction } = transactions.get(outcome.transactionKey)!;
      entries.push(entryRow(row.id, entry, transaction, outcome));
      if (outcome.outcome !== 'matched') continue;
      const payment = current.get(outcome.proformaId)!;
      const now = await this.clocks.now(uow, payment.accountId);
      const applied = applyTransfer(payment, transaction.amountMinor, transaction.key, now);
      await this.transfers.insertTransfer(uow, {
        id: nameBasedUuid('obolus.payments.bank-transfer', transaction.key),
        accountId: payment.accountId,
        paymentId: payment.id,
        source: 'statement',
        transactionKey: transaction.key,
        idempotencyKey: null,
        amountMinor: transaction.amountMinor,
        currency: transaction.currency,
        receivedOn: entry.bookingDate ?? entry.valueDate ?? row.uploadedAt.toISOString().slice(0, 10),
        payerName: payerOf(transaction) ?? null,
        rule: outcome.rule,
        dueBeforeMinor: applied.dueBeforeMinor,
        settlement: applied.settlement,
        surplusMinor: applied.surplusMinor,
        note: null,
        recordedBy: row.uploadedBy,
        recordedAt: row.uploadedAt,
      });
      current.set(payment.id, applied.payment);
      changed.add(payment.id);
      if (applied.succeeded) {
        const { contract, event } = paymentOutcome(applied.payment, now);
        await uow.emit(contract, event);
        this.logger.log(`payment ${payment.id} paid by bank transfer ${transaction.key}`);
      }
    }
    for (const id of changed) await this.payments.savePayment(uow, current.get(id)!);
    await this.transfers.insertEntries(uow, entries);
    await this.audit(
      command,
      row,
      [...changed].map((id) => current.get(id)!),
      uow,
    );
    return view(
      row,
      false,
      entries,
      [...changed].map((id) => paidView(current.get(id)!)),
    );
  }

  /** `staff.action-taken` for each account the statement paid towards: who uploaded it, and why. */
  private async audit(
    command: ImportBankStatementCommand,
    row: BankStatementEntity,
    paid: PaymentEntity[],
    uow: UnitOfWork,
  ): Promise<void> {
    const byAccount = new Map<string, PaymentEntity[]>();
    for (const payment of paid) byAccount.set(payment.accountId, [...(byAccount.get(payment.accountId) ?? []), payment]);
    for (const [accountId, payments] of byAccount) {
      const now = await this.clocks.now(uow, accountId);
      await uow.emit(
        StaffActionTakenV1,
        staffActionTaken(command, 'bank-statement.uploaded', accountId, now, {
          subject: { type: 'bank-statement', id: row.id },
          details: { statementId: row.statementId, accountIban: row.accountIban, paymentsPaidTowards: payments.length },
        }),
      );
    }
  }

  private async earlier(statement: BankStatement, uow: UnitOfWork): Promise<StatementView> {
    const row = (await this.transfers.findStatement(uow, accountOf(statement), statement.id))!;
    return view(row, true, await this.transfers.entriesOf(uow, row.id), []);
  }
}

/** The key part that tells two banks' statement ids apart, as @obolus/bank-statements builds entry keys. */
function accountOf(statement: BankStatement): string {
  return statement.account.iban ?? statement.account.otherId ?? '';
}

function openProformaOf(payment: PaymentEntity): OpenProforma {
  return {
    id: payment.id,
    reference: payment.transferReference ?? '',
    amountMinor: payment.amountMinor,
    currency: payment.currency,
    buyerName: payment.buyerName ?? '',
    alreadyPaidMinor: payment.receivedMinor ?? 0,
  };
}

function payerOf(transaction: EntryTransaction): string | undefined {
  return transaction.debtor?.name ?? transaction.ultimateDebtor?.name;
}

function entryRow(
  statementId: string,
  entry: StatementEntry,
  transaction: EntryTransaction,
  outcome: TransactionOutcome,
): BankStatementEntryEntity {
  return {
    statementId,
    transactionKey: transaction.key,
    entryKey: entry.key,
    outcome: outcome.outcome,
    reason: outcome.outcome === 'matched' ? null : outcome.reason,
    detail: outcome.outcome === 'matched' ? `${outcome.rule}: ${outcome.settlement}` : outcome.detail,
    amountMinor: transaction.amountMinor,
    currency: transaction.currency,
    direction: transaction.direction,
    bookingDate: entry.bookingDate ?? entry.valueDate ?? null,
    payerName: payerOf(transaction) ?? null,
    payerIban: transaction.debtor?.iban ?? null,
    references:
      outcome.outcome === 'unmatched'
        ? outcome.references
        : outcome.outcome === 'matched' && outcome.reference
          ? [outcome.reference]
          : [],
    candidatePaymentIds: outcome.outcome === 'unmatched' ? outcome.candidateProformaIds : [],
    paymentId: outcome.outcome === 'matched' ? outcome.proformaId : null,
  };
}

function paidView(payment: PaymentEntity): PaymentPaidView {
  return {
    paymentId: payment.id,
    accountId: payment.accountId,
    draftId: payment.draftId,
    status: payment.status,
    amountMinor: payment.amountMinor,
    receivedMinor: payment.receivedMinor ?? 0,
    excessMinor: payment.excessMinor ?? 0,
    currency: payment.currency,
  };
}

function view(
  row: BankStatementEntity,
  alreadyRecorded: boolean,
  entries: BankStatementEntryEntity[],
  payments: PaymentPaidView[],
): StatementView {
  const count = (outcome: BankStatementEntryEntity['outcome']) => entries.filter((e) => e.outcome === outcome).length;
  return {
    id: row.id,
    accountIban: row.accountIban,
    statementId: row.statementId,
    messageId: row.messageId,
    uploadedAt: new Date(row.uploadedAt).toISOString(),
    uploadedBy: row.uploadedBy,
    alreadyRecorded,
    counts: { matched: count('matched'), unmatched: count('unmatched'), ignored: count('ignored') },
    entries: entries.map(({ statementId: _statement, ...entry }) => entry),
    payments,
  };
}
