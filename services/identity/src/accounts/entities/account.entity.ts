import { CatalogCode, Locale } from '@obolus/contracts';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export type AccountStatus = 'active' | 'blocked' | 'closed';

@Entity({ schema: 'identity', name: 'accounts' })
export class AccountEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'company_name' }) companyName!: string;
  @Column() country!: string;
  @Column({ type: 'text' }) catalog!: CatalogCode;
  @Column({ name: 'signup_channel' }) signupChannel!: string;
  @Column({ type: 'text' }) locale!: Locale;
  @Column({ type: 'text' }) status!: AccountStatus;
  @Column({ name: 'closure_requested_at', type: 'timestamptz', nullable: true }) closureRequestedAt?: Date | null;
  @Column({ name: 'purged_at', type: 'timestamptz', nullable: true }) purgedAt?: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
