import { bigintAsNumber } from '@obolus/database';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export type RefundStatus = 'pending' | 'succeeded' | 'failed';

/** Money sent back on a payment, as staff asked it; pending until the provider says it went through. */
@Entity({ schema: 'payments', name: 'refunds' })
export class RefundEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'account_id', type: 'uuid' }) accountId!: string;
  @Column({ name: 'payment_id', type: 'uuid' }) paymentId!: string;
  @Column({ name: 'idempotency_key', type: 'text' }) idempotencyKey!: string;
  @Column({ name: 'amount_minor', type: 'bigint', transformer: bigintAsNumber }) amountMinor!: number;
  @Column({ type: 'char', length: 3 }) currency!: string;
  @Column({ type: 'text' }) reason!: string;
  @Column({ type: 'text' }) status!: RefundStatus;
  /** Where the money goes back: the Stripe PaymentIntent, or the PayPal capture. */
  @Column({ type: 'text' }) provider!: 'stripe' | 'paypal';
  @Column({ name: 'provider_refund_id', type: 'text', nullable: true }) providerRefundId!: string | null;
  @Column({ name: 'failure_reason', type: 'text', nullable: true }) failureReason!: string | null;
  /** The staff member who asked for it (S1: every staff action says who and why). */
  @Column({ name: 'requested_by', type: 'text' }) requestedBy!: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
