export interface ErrorField {
  field: string;
  reason: string;
}

export type VatErrorCode =
  | 'INVALID_COUNTRY'
  | 'SELLER_NOT_IN_EU'
  | 'RATE_NOT_FOUND'
  | 'INVALID_TAX_POINT_DATE'
  | 'INVALID_BUYER_TYPE';

export class VatError extends Error {
  override readonly name = 'VatError';

  constructor(
    readonly code: VatErrorCode,
    message: string,
    readonly fields: ErrorField[] = [],
  ) {
    super(message);
  }
}
