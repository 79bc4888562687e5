import { Column, Entity, PrimaryColumn } from 'typeorm';

/** What payments knows of an account from account.created: its country, which decides the debits offered. */
@Entity({ schema: 'payments', name: 'account_profiles' })
export class AccountProfileEntity {
  @PrimaryColumn({ name: 'account_id', type: 'uuid' }) accountId!: string;
  /** ISO 3166-1 alpha-2. */
  @Column({ type: 'char', length: 2 }) country!: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
