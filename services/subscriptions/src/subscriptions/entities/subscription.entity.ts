import { CatalogCode } from '@obolus/contracts';
import { Column, Entity, PrimaryColumn, VersionColumn } from 'typeorm';

export type SubscriptionStatus = 'trialing' | 'active' | 'free' | 'blocked';

@Entity({ schema: 'subscriptions', name: 'subscriptions' })
export class SubscriptionEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'account_id', type: 'uuid' }) accountId!: string;
  @Column({ type: 'text' }) catalog!: CatalogCode;
  @Column({ type: 'text' }) edition!: string;
  @Column({ type: 'text' }) status!: SubscriptionStatus;
  @Column({ type: 'text', nullable: true }) term!: string | null;
  @Column({ type: 'integer' }) seats!: number;
  @Column({ name: 'payment_method', type: 'text', nullable: true }) paymentMethod!: string | null;
  @Column({ type: 'text' }) currency!: string;
  @Column({ name: 'trial_ends_on', type: 'date', nullable: true }) trialEndsOn!: string | null;
  @Column({ name: 'current_period_start', type: 'date', nullable: true }) currentPeriodStart!: string | null;
  @Column({ name: 'current_period_end', type: 'date', nullable: true }) currentPeriodEnd!: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
  @VersionColumn() version!: number;
}
