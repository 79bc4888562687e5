import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The method an account saved for off-session charges, one per provider type, with the mandate of a bank debit. */
@Entity({ schema: 'payments', name: 'saved_payment_methods' })
export class SavedPaymentMethodEntity {
  @PrimaryColumn({ name: 'account_id', type: 'uuid' }) accountId!: string;
  /** Stripe's PaymentMethod type: card, sepa_debit or us_bank_account. */
  @PrimaryColumn({ type: 'text' }) type!: string;
  @Column({ name: 'provider_method_id', type: 'text' }) providerMethodId!: string;
  /** The customer's mandate for a bank debit (SEPA, ACH); null for a card. */
  @Column({ name: 'mandate_id', type: 'text', nullable: true }) mandateId!: string | null;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
