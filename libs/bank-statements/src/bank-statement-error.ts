import { DomainError, ErrorKind } from '@obolus/contracts';

export type BankStatementErrorCode =
  | 'CAMT_TOO_LARGE'
  | 'CAMT_DOCTYPE_REFUSED'
  | 'CAMT_XML_MALFORMED'
  | 'CAMT_UNSUPPORTED_MESSAGE'
  | 'CAMT_FIELD_MISSING'
  | 'CAMT_FIELD_INVALID'
  | 'PAYMENT_REFERENCE_INVALID';

/**
 * The one error shape of @obolus/bank-statements. `path` names the element at fault as an XPath with
 * 1-based positions (`/Document/BkToCstmrStmt/Stmt[1]/Ntry[3]/Amt`), so staff can find it in the file.
 */
export class BankStatementError extends DomainError<BankStatementErrorCode> {
  constructor(
    code: BankStatementErrorCode,
    message: string,
    readonly path: string,
    kind: ErrorKind = 'unprocessable',
  ) {
    super(code, message, [{ field: path, reason: message }], kind);
  }
}
