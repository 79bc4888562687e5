import { DomainError, FieldProblem } from '@obolus/contracts';

export type VatErrorCode =
  | 'INVALID_COUNTRY'
  | 'SELLER_NOT_IN_EU'
  | 'RATE_NOT_FOUND'
  | 'INVALID_TAX_POINT_DATE'
  | 'INVALID_BUYER_TYPE';

/** Raised for a VAT question that has no answer: an unknown country, rate or date. */
export class VatError extends DomainError<VatErrorCode> {
  constructor(code: VatErrorCode, message: string, fields: FieldProblem[] = []) {
    super(code, message, fields, 'invalid');
  }
}
