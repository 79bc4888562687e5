/** One field-level reason, in the shape every Obolus error uses. */
export interface ErrorField {
  field: string;
  reason: string;
}

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
export class MoneyError extends Error {
  override readonly name = 'MoneyError';

  constructor(
    readonly code: MoneyErrorCode,
    message: string,
    readonly fields: ErrorField[] = [],
  ) {
    super(message);
  }
}
