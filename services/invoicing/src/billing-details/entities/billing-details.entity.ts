import { Column, Entity, PrimaryColumn } from 'typeorm';
import { VatNumberStatus } from '../../vat-numbers/vat-number-verifier';

/** The buyer's details as the customer last set them (V1); invoices keep their own copy. */
@Entity({ schema: 'invoicing', name: 'billing_details' })
export class BillingDetailsEntity {
  @PrimaryColumn({ name: 'account_id', type: 'uuid' }) accountId!: string;
  @Column({ name: 'legal_name', type: 'text' }) legalName!: string;
  @Column({ name: 'buyer_type', type: 'text' }) buyerType!: 'business' | 'individual';
  @Column({ name: 'vat_number', type: 'text', nullable: true }) vatNumber!: string | null;
  @Column({ name: 'company_id', type: 'text', nullable: true }) companyId!: string | null;
  @Column({ name: 'trade_register_number', type: 'text', nullable: true }) tradeRegisterNumber!: string | null;
  @Column({ type: 'text' }) line1!: string;
  @Column({ type: 'text', nullable: true }) line2!: string | null;
  @Column({ type: 'text' }) city!: string;
  @Column({ name: 'postal_code', type: 'text', nullable: true }) postalCode!: string | null;
  @Column({ name: 'country_subdivision', type: 'text', nullable: true }) countrySubdivision!: string | null;
  @Column({ type: 'char', length: 2 }) country!: string;
  @Column({ name: 'extra_recipients', type: 'text', array: true }) extraRecipients!: string[];
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
  /**
   * Where VIES stands on the VAT number (V3): null without a number VIES can check (none, or a non-EU
   * one). Only `verified` gives reverse charge; `pending` and `invalid` are charged VAT.
   */
  @Column({ name: 'vat_status', type: 'text', nullable: true }) vatStatus!: VatNumberStatus | null;
  /** When the check that decided the status ran, and its row in vat_number_checks. */
  @Column({ name: 'vat_checked_at', type: 'timestamptz', nullable: true }) vatCheckedAt!: Date | null;
  @Column({ name: 'vat_check_id', type: 'uuid', nullable: true }) vatCheckId!: string | null;
}
