import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The provider's customer of an account, and the payment method charged off-session. */
@Entity({ schema: 'payments', name: 'customers' })
export class CustomerEntity {
  @PrimaryColumn({ name: 'account_id', type: 'uuid' }) accountId!: string;
  @Column({ name: 'provider_customer_id', type: 'text' }) providerCustomerId!: string;
  @Column({ name: 'default_payment_method_id', type: 'text', nullable: true }) defaultPaymentMethodId!: string | null;
  @Column({ name: 'default_payment_method_type', type: 'text', nullable: true }) defaultPaymentMethodType!: string | null;
  /** For an account on a test clock: the Stripe test clock its customer lives on, moved with the account's. */
  @Column({ name: 'provider_test_clock_id', type: 'text', nullable: true }) providerTestClockId?: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
