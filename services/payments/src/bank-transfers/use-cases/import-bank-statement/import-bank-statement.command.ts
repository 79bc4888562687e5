import { checkCommand } from '@obolus/platform';
import { PaymentsError } from '../../../payments/payments.errors';
import { checkStaffActor, StaffActor } from '@obolus/operations';

export interface ImportBankStatementInput extends StaffActor {
  /** The uploaded file, as sent. */
  xml: Buffer | undefined;
  /** `staff:<id>` of who uploads it. */
  uploadedBy: string;
}

/** Record a camt.053 statement and match its credit transfers to the payments awaiting them (staff only). */
export class ImportBankStatementCommand {
  readonly xml!: Buffer;
  readonly uploadedBy!: string;
  readonly staffUserId!: string;
  readonly staffEmail!: string;
  /** Why the statement is uploaded, for the audit log of each account it pays. */
  readonly reason!: string;

  private constructor(input: Readonly<ImportBankStatementInput & { xml: Buffer }>) {
    Object.assign(this, input);
  }

  static create({ xml, ...input }: ImportBankStatementInput): ImportBankStatementCommand {
    if (!Buffer.isBuffer(xml) || xml.length === 0) throw PaymentsError.statementMissing();
    const checked = checkStaffActor(checkCommand('import bank statement', input).string('uploadedBy', 320), input).valid();
    return new ImportBankStatementCommand({ ...checked, xml });
  }
}
