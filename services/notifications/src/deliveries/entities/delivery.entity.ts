import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export type DeliveryStatus = 'pending' | 'sent' | 'failed';

/**
 * One e-mail to send for one event. Recorded `pending` in the event's transaction; the dispatcher sends
 * it after the commit and marks it `sent`, or `failed` when no retry can help.
 */
@Entity({ schema: 'notifications', name: 'deliveries' })
export class DeliveryEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'account_id', type: 'uuid' }) accountId!: string;
  @Column() template!: string;
  @Column({ type: 'text' }) channel!: 'email';
  @Column('text', { array: true }) recipients!: string[];
  @Column() locale!: string;
  @Column({ name: 'cause_event_id' }) causeEventId!: string;
  /** What the template renders: the causing event's data. */
  @Column({ name: 'template_data', type: 'jsonb' }) templateData!: object;
  @Column({ type: 'text' }) status!: DeliveryStatus;
  @Column({ type: 'integer' }) attempts!: number;
  @Column({ name: 'next_attempt_at', type: 'timestamptz' }) nextAttemptAt!: Date;
  @Column({ name: 'last_error', type: 'text', nullable: true }) lastError!: string | null;
  /** The trace of the event that caused it, so the send shows in the same trace. */
  @Column({ name: 'trace_headers', type: 'jsonb' }) traceHeaders!: { traceparent?: string; tracestate?: string };
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true }) sentAt!: Date | null;
  @Column({ name: 'failed_at', type: 'timestamptz', nullable: true }) failedAt!: Date | null;
}
