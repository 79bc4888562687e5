import { bigintAsNumber } from '@obolus/database';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export type TransferRule = 'reference' | 'amount-and-name' | 'staff';
export type TransferSettlement = 'exact' | 'partial' | 'excess';

/** Money received by bank transfer and applied to a payment: matched on a statement, or recorded by staff. */
@Entity({ schema: 'payments', name: 'bank_transfers' })
export class BankTransferEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'account_id', type: 'uuid' }) accountId!: string;
  @Column({ name: 'payment_id', type: 'uuid' }) paymentId!: string;
  @Column({ type: 'text' }) source!: 'statement' | 'staff';
  /** The statement transaction it came from; unique, so no entry pays twice. */
  @Column({ name: 'transaction_key', type: 'text', nullable: true }) transactionKey!: string | null;
  /** The staff request's Idempotency-Key. */
  @Column({ name: 'idempotency_key', type: 'text', nullable: true }) idempotencyKey!: string | null;
  @Column({ name: 'amount_minor', type: 'bigint', transformer: bigintAsNumber }) amountMinor!: number;
  @Column({ type: 'char', length: 3 }) currency!: string;
  /** The booking (else value) date on the statement, or the date staff give; YYYY-MM-DD. */
  @Column({ name: 'received_on', type: 'date' }) receivedOn!: string;
  @Column({ name: 'payer_name', type: 'text', nullable: true }) payerName!: string | null;
  @Column({ type: 'text' }) rule!: TransferRule;
  /** What the payment still awaited before this transfer; 0 or less when it was already paid. */
  @Column({ name: 'due_before_minor', type: 'bigint', transformer: bigintAsNumber }) dueBeforeMinor!: number;
  @Column({ type: 'text' }) settlement!: TransferSettlement;
  /** Received beyond what was due. */
  @Column({ name: 'surplus_minor', type: 'bigint', transformer: bigintAsNumber }) surplusMinor!: number;
  /** Why staff recorded it by hand. */
  @Column({ type: 'text', nullable: true }) note!: string | null;
  /** `staff:<id>`: who uploaded the statement or recorded the transfer. */
  @Column({ name: 'recorded_by', type: 'text' }) recordedBy!: string;
  @Column({ name: 'recorded_at', type: 'timestamptz' }) recordedAt!: Date;
}
