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
  /** The owner, to whom notices go, and the account's language (from the sign-up). */
  @Column({ name: 'owner_email', type: 'text', nullable: true }) ownerEmail!: string | null;
  @Column({ type: 'text', nullable: true }) locale!: string | null;
  /** The account's country (ISO 3166-1), from account.created; null for subscriptions started before it was kept. */
  @Column({ type: 'text', nullable: true }) country!: string | null;
  /** Users of the account (the owner counts); seats are added when they outgrow the seats paid for (B5). */
  @Column({ type: 'integer' }) users!: number;
  /** A lower edition asked for, taking effect at the period's end (C2). */
  @Column({ name: 'pending_edition', type: 'text', nullable: true }) pendingEdition!: string | null;
  /** Seats released by removed users, taking effect at the period's end (B5). */
  @Column({ name: 'pending_seats', type: 'integer', nullable: true }) pendingSeats!: number | null;
  /** The day up to which periods are invoiced, when staff billed ahead (B4); else the period's end. */
  @Column({ name: 'billed_through', type: 'date', nullable: true }) billedThrough!: string | null;
  /** Storage the account uses, as reported through the usage route (C6). */
  @Column({
    name: 'storage_bytes',
    type: 'bigint',
    transformer: { to: (value: number) => value, from: (value: string | number) => Number(value) },
  })
  storageBytes!: number;
  /** The revision of the catalog the account's entitlements were last announced under (C6). */
  @Column({ name: 'catalog_revision', type: 'text', nullable: true }) catalogRevision!: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
  @VersionColumn() version!: number;
}
