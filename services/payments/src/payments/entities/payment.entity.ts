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
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
