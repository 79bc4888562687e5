import { CatalogCode, Locale } from '@obolus/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** What invoicing keeps of an account from account.created: who to write to, in which language. */
@Entity({ schema: 'invoicing', name: 'customers' })
export class CustomerEntity {
  @PrimaryColumn({ name: 'account_id', type: 'uuid' }) accountId!: string;
  @Column({ name: 'company_name', type: 'text' }) companyName!: string;
  @Column({ name: 'owner_email', type: 'text' }) ownerEmail!: string;
  @Column({ type: 'char', length: 2 }) country!: string;
  @Column({ type: 'text' }) catalog!: CatalogCode;
  @Column({ type: 'text' }) locale!: Locale;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
