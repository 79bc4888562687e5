import { bigintAsNumber } from '@obolus/database';
import { CatalogCode, Locale, ProformaIssuedV1Data } from '@obolus/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A proforma: what to pay by bank transfer, with its reference; paid once its fiscal invoice is issued. */
@Entity({ schema: 'invoicing', name: 'proformas' })
export class ProformaEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'account_id', type: 'uuid' }) accountId!: string;
  @Column({ name: 'draft_id', type: 'uuid' }) draftId!: string;
  @Column({ type: 'text' }) series!: string;
  @Column({ name: 'sequence_number', type: 'bigint', transformer: bigintAsNumber }) sequenceNumber!: number;
  @Column({ type: 'text' }) number!: string;
  @Column({ type: 'text' }) reference!: string;
  @Column({ type: 'text' }) catalog!: CatalogCode;
  @Column({ name: 'issue_date', type: 'date' }) issueDate!: string;
  @Column({ name: 'due_date', type: 'date' }) dueDate!: string;
  @Column({ type: 'char', length: 3 }) currency!: string;
  @Column({ type: 'text' }) locale!: Locale;
  @Column({ type: 'jsonb' }) seller!: ProformaIssuedV1Data['seller'];
  @Column({ type: 'jsonb' }) buyer!: ProformaIssuedV1Data['buyer'];
  @Column({ type: 'jsonb' }) lines!: ProformaIssuedV1Data['lines'];
  @Column({ name: 'vat_breakdown', type: 'jsonb' }) vatBreakdown!: ProformaIssuedV1Data['vatBreakdown'];
  @Column({ type: 'jsonb' }) totals!: ProformaIssuedV1Data['totals'];
  @Column({ name: 'legal_mention', type: 'text', nullable: true }) legalMention!: string | null;
  @Column({ type: 'jsonb' }) transfer!: ProformaIssuedV1Data['transfer'];
  @Column({ type: 'text', array: true }) recipients!: string[];
  @Column({ type: 'bytea', select: false }) pdf!: Buffer;
  @Column({ name: 'pdf_sha256', type: 'char', length: 64 }) pdfSha256!: string;
  @Column({ type: 'text' }) status!: 'open' | 'paid';
  @Column({ name: 'invoice_id', type: 'uuid', nullable: true }) invoiceId!: string | null;
  @Column({ name: 'issued_at', type: 'timestamptz' }) issuedAt!: Date;
  @Column({ name: 'paid_at', type: 'timestamptz', nullable: true }) paidAt!: Date | null;
}
