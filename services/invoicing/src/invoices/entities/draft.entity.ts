import { CatalogCode, InvoiceIssuedV1Data, Locale } from '@obolus/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

type Party = InvoiceIssuedV1Data['seller'];

/** An invoice-to-be: priced with its VAT, waiting for the payment that makes it a fiscal invoice. */
@Entity({ schema: 'invoicing', name: 'drafts' })
export class DraftEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'account_id', type: 'uuid' }) accountId!: string;
  @Column({ name: 'subscription_id', type: 'uuid' }) subscriptionId!: string;
  @Column({ name: 'cause_event_id', type: 'text' }) causeEventId!: string;
  @Column({ type: 'text' }) catalog!: CatalogCode;
  @Column({ name: 'seller_entity', type: 'text' }) sellerEntity!: string;
  @Column({ type: 'char', length: 3 }) currency!: string;
  @Column({ type: 'text' }) locale!: Locale;
  @Column({ name: 'tax_point_date', type: 'date' }) taxPointDate!: string;
  @Column({ type: 'jsonb' }) seller!: Party;
  @Column({ type: 'jsonb' }) buyer!: Party;
  @Column({ type: 'jsonb' }) lines!: InvoiceIssuedV1Data['lines'];
  @Column({ name: 'vat_breakdown', type: 'jsonb' }) vatBreakdown!: InvoiceIssuedV1Data['vatBreakdown'];
  @Column({ type: 'jsonb' }) totals!: { netMinor: number; vatMinor: number; grossMinor: number };
  @Column({ name: 'legal_mention', type: 'text', nullable: true }) legalMention!: string | null;
  @Column({ name: 'payment_method', type: 'text' }) paymentMethod!: string;
  @Column({ type: 'text' }) status!: 'awaiting_payment' | 'invoiced';
  @Column({ name: 'invoice_id', type: 'uuid', nullable: true }) invoiceId!: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
