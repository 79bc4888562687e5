import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A prorated charge (a seat added, an upgrade) waiting for the next invoice of its subscription (B5, C2). */
@Entity({ schema: 'subscriptions', name: 'pending_charges' })
export class PendingChargeEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'account_id', type: 'uuid' }) accountId!: string;
  @Column({ name: 'subscription_id', type: 'uuid' }) subscriptionId!: string;
  /** What caused it (`seat:<user id>`, `upgrade:<version>`): a redelivered cause adds no second charge. */
  @Column({ type: 'text' }) cause!: string;
  @Column({ type: 'text' }) code!: string;
  @Column({ type: 'text' }) description!: string;
  @Column({ type: 'integer' }) quantity!: number;
  @Column({ name: 'unit_price_minor', type: 'bigint', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  unitPriceMinor!: number;
  @Column({ name: 'service_start', type: 'date' }) serviceStart!: string;
  @Column({ name: 'service_end', type: 'date' }) serviceEnd!: string;
  @Column({ type: 'integer' }) days!: number;
  @Column({ name: 'period_days', type: 'integer' }) periodDays!: number;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  /** The period (renewal key) whose invoice carried it; null while waiting. */
  @Column({ name: 'billed_by', type: 'text', nullable: true }) billedBy!: string | null;
}
