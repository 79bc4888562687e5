import { bigintAsNumber } from '@obolus/database';
import { CatalogCode, InvoiceIssuedV1Data, Locale } from '@obolus/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

type Party = InvoiceIssuedV1Data['seller'];

/** An issued invoice: append-only, the database refuses any change (I3). */
@Entity({ schema: 'invoicing', name: 'invoices' })
export class InvoiceEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'account_id', type: 'uuid' }) accountId!: string;
  @Column({ name: 'draft_id', type: 'uuid' }) draftId!: string;
  @Column({ type: 'text' }) series!: string;
  @Column({ name: 'sequence_number', type: 'bigint', transformer: bigintAsNumber }) sequenceNumber!: number;
  @Column({ type: 'text' }) number!: string;
  @Column({ type: 'text' }) catalog!: CatalogCode;
  @Column({ name: 'issue_date', type: 'date' }) issueDate!: string;
  @Column({ name: 'tax_point_date', type: 'date' }) taxPointDate!: string;
  @Column({ name: 'due_date', type: 'date' }) dueDate!: string;
  @Column({ type: 'char', length: 3 }) currency!: string;
  @Column({ type: 'text' }) locale!: Locale;
  @Column({ type: 'jsonb' }) seller!: Party;
  @Column({ type: 'jsonb' }) buyer!: Party;
  @Column({ type: 'jsonb' }) lines!: InvoiceIssuedV1Data['lines'];
  @Column({ name: 'vat_breakdown', type: 'jsonb' }) vatBreakdown!: InvoiceIssuedV1Data['vatBreakdown'];
  @Column({ type: 'jsonb' }) totals!: InvoiceIssuedV1Data['totals'];
  @Column({ name: 'legal_mention', type: 'text', nullable: true }) legalMention!: string | null;
  @Column({ type: 'jsonb' }) payment!: InvoiceIssuedV1Data['payment'];
  @Column({ type: 'text', array: true }) recipients!: string[];
  @Column({ type: 'bytea', select: false }) pdf!: Buffer;
  @Column({ name: 'pdf_sha256', type: 'char', length: 64 }) pdfSha256!: string;
  @Column({ name: 'issued_at', type: 'timestamptz' }) issuedAt!: Date;
}
