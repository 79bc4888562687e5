import { Column, Entity, PrimaryColumn } from 'typeorm';

export interface StoredFinding {
  ruleId: string;
  severity: 'fatal' | 'warning';
  location: string;
  message: string;
}

/** An Invoice, or a CreditNote (uploaded with standard=CN). */
export type DocumentKind = 'invoice' | 'credit-note';

/**
 * The CIUS-RO XML of an invoice or a credit note with the official checks' findings (E1, E5).
 * `invoiceId` and `invoiceNumber` are those of the document issued: the credit note's own for a credit note.
 */
@Entity({ schema: 'efactura_gateway', name: 'documents' })
export class DocumentEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'account_id', type: 'uuid' }) accountId!: string;
  @Column({ name: 'invoice_id', type: 'uuid' }) invoiceId!: string;
  @Column({ name: 'invoice_number', type: 'text' }) invoiceNumber!: string;
  @Column({ type: 'text' }) kind!: DocumentKind;
  /** A credit note's BT-25; null for an invoice. */
  @Column({ name: 'corrected_invoice_number', type: 'text', nullable: true }) correctedInvoiceNumber!: string | null;
  @Column({ name: 'issue_date', type: 'date' }) issueDate!: string;
  @Column({ name: 'upload_deadline', type: 'date' }) uploadDeadline!: string;
  @Column({ type: 'text', select: false }) xml!: string;
  @Column({ type: 'boolean' }) valid!: boolean;
  @Column({ type: 'jsonb' }) findings!: StoredFinding[];
  @Column({ type: 'text' }) status!: 'valid' | 'invalid';
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  /** E2: set when the upload deadline passed without ANAF's acceptance (absent on a new document). */
  @Column({ name: 'deadline_missed_at', type: 'timestamptz', nullable: true }) deadlineMissedAt?: Date | null;
}
