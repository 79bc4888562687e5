import { checkCommand } from '@obolus/platform';
import { PaymentsError } from '../../../payments/payments.errors';

export interface ImportBankStatementInput {
  /** The uploaded file, as sent. */
  xml: Buffer | undefined;
  /** `staff:<id>` of who uploads it. */
  uploadedBy: string;
}

/** Record a camt.053 statement and match its credit transfers to the payments awaiting them (staff only). */
export class ImportBankStatementCommand {
  readonly xml!: Buffer;
  readonly uploadedBy!: string;

  private constructor(input: Readonly<{ xml: Buffer; uploadedBy: string }>) {
    Object.assign(this, input);
  }

  static create({ xml, uploadedBy }: ImportBankStatementInput): ImportBankStatementCommand {
    if (!Buffer.isBuffer(xml) || xml.length === 0) throw PaymentsError.statementMissing();
    const checked = checkCommand('import bank statement', { uploadedBy }).string('uploadedBy', 320).valid();
    return new ImportBankStatementCommand({ xml, uploadedBy: checked.uploadedBy });
  }
}
