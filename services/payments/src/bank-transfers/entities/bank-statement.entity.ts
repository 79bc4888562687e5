import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A camt.053 statement as uploaded: once per account and statement id, whoever uploads it again. */
@Entity({ schema: 'payments', name: 'bank_statements' })
export class BankStatementEntity {
  /** Derived from the account and the statement id, so a second upload finds the first. */
  @PrimaryColumn('uuid') id!: string;
  /** The account's IBAN, or its other id when it has none. */
  @Column({ name: 'account_iban', type: 'text' }) accountIban!: string;
  /** Stmt/Id. */
  @Column({ name: 'statement_id', type: 'text' }) statementId!: string;
  /** GrpHdr/MsgId. */
  @Column({ name: 'message_id', type: 'text' }) messageId!: string;
  /** camt.053.001.<version>. */
  @Column({ type: 'text' }) version!: string;
  @Column({ type: 'char', length: 3 }) currency!: string;
  /** Stmt/CreDtTm, as the bank wrote it. */
  @Column({ name: 'created_by_bank_at', type: 'text' }) createdByBankAt!: string;
  /** SHA-256 of the uploaded file, lowercase hex. */
  @Column({ type: 'char', length: 64 }) sha256!: string;
  /** `staff:<id>` of who uploaded it. */
  @Column({ name: 'uploaded_by', type: 'text' }) uploadedBy!: string;
  @Column({ name: 'uploaded_at', type: 'timestamptz' }) uploadedAt!: Date;
}
