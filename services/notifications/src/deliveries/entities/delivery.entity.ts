import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export type DeliveryStatus = 'pending' | 'sent' | 'failed';

@Entity({ schema: 'notifications', name: 'deliveries' })
export class DeliveryEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'account_id', type: 'uuid' }) accountId!: string;
  @Column() template!: string;
  @Column({ type: 'text' }) channel!: 'email';
  @Column('text', { array: true }) recipients!: string[];
  @Column() locale!: string;
  @Column({ name: 'cause_event_id' }) causeEventId!: string;
  @Column({ type: 'text' }) status!: DeliveryStatus;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true }) sentAt!: Date | null;
}
