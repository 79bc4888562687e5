import { DomainError, FieldProblem } from '@obolus/contracts';

export type MoneyErrorCode =
  | 'UNKNOWN_CURRENCY'
  | 'CURRENCY_MISMATCH'
  | 'NON_INTEGER_MINOR_AMOUNT'
  | 'AMOUNT_OUT_OF_RANGE'
  | 'INVALID_DECIMAL'
  | 'TOO_MANY_DECIMALS'
  | 'INVALID_RATIOS'
  | 'INVALID_RATE'
  | 'INVALID_PRORATION';

/** Raised for anything that would otherwise lose, invent or silently coerce a cent. */
export class MoneyError extends DomainError<MoneyErrorCode> {
  constructor(code: MoneyErrorCode, message: string, fields: FieldProblem[] = []) {
    super(code, message, fields, 'invalid');
  }
}
