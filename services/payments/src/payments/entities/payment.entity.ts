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
  /** stripe: card and debits; bank: a transfer matched on a statement or recorded by staff; paypal: an order. */
  @Column({ type: 'text' }) provider!: 'stripe' | 'bank' | 'paypal';
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
  // The columns of bank transfers (absent on rows built before them, as in older specs: read as null and 0).
  /** The ISO 11649 reference a bank transfer must carry; null for other methods. */
  @Column({ name: 'transfer_reference', type: 'text', nullable: true }) transferReference?: string | null;
  /** The buyer on the proforma, compared with the payer's name when a transfer carries no reference. */
  @Column({ name: 'buyer_name', type: 'text', nullable: true }) buyerName?: string | null;
  @Column({ name: 'proforma_number', type: 'text', nullable: true }) proformaNumber?: string | null;
  /** What bank transfers have brought so far, partial payments included. */
  @Column({ name: 'received_minor', type: 'bigint', transformer: bigintAsNumber, default: 0 }) receivedMinor?: number;
  /** Received beyond the amount asked: kept and shown, for staff to refund or credit. */
  @Column({ name: 'excess_minor', type: 'bigint', transformer: bigintAsNumber, default: 0 }) excessMinor?: number;
  // The columns of PayPal payments (absent on rows built before them: read as null).
  /** The PayPal order (Orders v2) the payer approves; the capture id goes in providerPaymentId. */
  @Column({ name: 'provider_order_id', type: 'text', nullable: true }) providerOrderId?: string | null;
  /** Where the payer approves the PayPal order; null once the payment is settled. */
  @Column({ name: 'approve_url', type: 'text', nullable: true }) approveUrl?: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
