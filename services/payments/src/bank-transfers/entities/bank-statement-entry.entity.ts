import { bigintAsNumber } from '@obolus/database';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export type EntryOutcome = 'matched' | 'unmatched' | 'ignored';

/**
 * One transaction of a statement entry (an entry without details is one transaction), with what matching
 * made of it. Unmatched ones are listed for staff.
 */
@Entity({ schema: 'payments', name: 'bank_statement_entries' })
export class BankStatementEntryEntity {
  /** The bank_statements row. */
  @PrimaryColumn({ name: 'statement_id', type: 'uuid' }) statementId!: string;
  /** `<entry key>#<position>`; the entry key comes from the account, Stmt/Id and NtryRef (see @obolus/bank-statements). */
  @PrimaryColumn({ name: 'transaction_key', type: 'text' }) transactionKey!: string;
  @Column({ name: 'entry_key', type: 'text' }) entryKey!: string;
  @Column({ type: 'text' }) outcome!: EntryOutcome;
  /** Why it was not matched or was ignored (`no-candidate`, `currency-mismatch`, `debit`, …). */
  @Column({ type: 'text', nullable: true }) reason!: string | null;
  @Column({ type: 'text', nullable: true }) detail!: string | null;
  @Column({ name: 'amount_minor', type: 'bigint', transformer: bigintAsNumber }) amountMinor!: number;
  @Column({ type: 'char', length: 3 }) currency!: string;
  @Column({ type: 'text' }) direction!: 'credit' | 'debit';
  @Column({ name: 'booking_date', type: 'text', nullable: true }) bookingDate!: string | null;
  @Column({ name: 'payer_name', type: 'text', nullable: true }) payerName!: string | null;
  @Column({ name: 'payer_iban', type: 'text', nullable: true }) payerIban!: string | null;
  /** The references found in the transfer, known or not. */
  @Column({ type: 'jsonb' }) references!: string[];
  /** The payments it could be for, for staff to choose from. */
  @Column({ name: 'candidate_payment_ids', type: 'jsonb' }) candidatePaymentIds!: string[];
  /** The payment it was matched to. */
  @Column({ name: 'payment_id', type: 'uuid', nullable: true }) paymentId!: string | null;
}
