import { bigintAsNumber } from '@obolus/database';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export type PaymentStatus = 'processing' | 'succeeded' | 'failed';

@Entity({ schema: 'payments', name: 'payments' })
export class PaymentEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'account_id', type: 'uuid' }) accountId!: string;
  @Column({ name: 'draft_id', type: 'uuid' }) draftId!: string;
  @Column({ name: 'amount_minor', type: 'bigint', transformer: bigintAsNumber }) amountMinor!: number;
  @Column({ type: 'char', length: 3 }) currency!: string;
  @Column({ name: 'payment_method', type: 'text' }) paymentMethod!: string;
  @Column({ type: 'text' }) status!: PaymentStatus;
  @Column({ type: 'text' }) provider!: 'stripe';
  @Column({ name: 'provider_payment_id', type: 'text', nullable: true }) providerPaymentId!: string | null;
  @Column({ name: 'failure_code', type: 'text', nullable: true }) failureCode!: string | null;
  @Column({ name: 'failure_message', type: 'text', nullable: true }) failureMessage!: string | null;
  /** The trace of the request that asked for the payment, so the provider's answer continues it. */
  @Column({ name: 'trace_headers', type: 'jsonb' }) traceHeaders!: Record<string, string>;
  /** Tries so far (P4: at most 4). */
  @Column({ type: 'integer', default: 1 }) attempts!: number;
  @Column({ name: 'first_failed_at', type: 'timestamptz', nullable: true }) firstFailedAt!: Date | null;
  /** When the next try is due, in the account's business time; null when none is planned. */
  @Column({ name: 'next_retry_at', type: 'timestamptz', nullable: true }) nextRetryAt!: Date | null;
  /** retrying: tries are planned; exhausted: the last one failed. Null before any failure. */
  @Column({ type: 'text', nullable: true }) dunning!: 'retrying' | 'exhausted' | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
