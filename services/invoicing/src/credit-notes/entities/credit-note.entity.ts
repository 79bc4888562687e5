import { bigintAsNumber } from '@obolus/database';
import { CatalogCode, CreditNoteIssuedV1Data, Locale } from '@obolus/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An issued credit note: append-only, the database refuses any change (I3). */
@Entity({ schema: 'invoicing', name: 'credit_notes' })
export class CreditNoteEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'account_id', type: 'uuid' }) accountId!: string;
  @Column({ name: 'invoice_id', type: 'uuid' }) invoiceId!: string;
  @Column({ type: 'text' }) reason!: CreditNoteIssuedV1Data['reason'];
  @Column({ name: 'reason_text', type: 'text' }) reasonText!: string;
  @Column({ name: 'refund_id', type: 'uuid', nullable: true }) refundId!: string | null;
  /** The staff member who asked for a correction. */
  @Column({ name: 'requested_by', type: 'text', nullable: true }) requestedBy!: string | null;
  @Column({ type: 'text' }) series!: string;
  @Column({ name: 'sequence_number', type: 'bigint', transformer: bigintAsNumber }) sequenceNumber!: number;
  @Column({ type: 'text' }) number!: string;
  @Column({ type: 'text' }) catalog!: CatalogCode;
  @Column({ name: 'issue_date', type: 'date' }) issueDate!: string;
  @Column({ type: 'char', length: 3 }) currency!: string;
  @Column({ type: 'text' }) locale!: Locale;
  @Column({ type: 'jsonb' }) seller!: CreditNoteIssuedV1Data['seller'];
  @Column({ type: 'jsonb' }) buyer!: CreditNoteIssuedV1Data['buyer'];
  @Column({ type: 'jsonb' }) lines!: CreditNoteIssuedV1Data['lines'];
  @Column({ name: 'vat_breakdown', type: 'jsonb' }) vatBreakdown!: CreditNoteIssuedV1Data['vatBreakdown'];
  @Column({ type: 'jsonb' }) totals!: CreditNoteIssuedV1Data['totals'];
  @Column({ name: 'legal_mention', type: 'text', nullable: true }) legalMention!: string | null;
  @Column({ type: 'text', array: true }) recipients!: string[];
  @Column({ type: 'bytea', select: false }) pdf!: Buffer;
  @Column({ name: 'pdf_sha256', type: 'char', length: 64 }) pdfSha256!: string;
  @Column({ name: 'issued_at', type: 'timestamptz' }) issuedAt!: Date;
}
