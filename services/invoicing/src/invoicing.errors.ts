import { DomainError, ErrorKind, FieldProblem } from '@obolus/platform';

export enum InvoicingErrorCode {
  InvoiceNotFound = 'INVOICE_NOT_FOUND',
  BillingDetailsNotFound = 'BILLING_DETAILS_NOT_FOUND',
  PaymentDoesNotSettleDraft = 'PAYMENT_DOES_NOT_SETTLE_DRAFT',
  UnknownSellerEntity = 'UNKNOWN_SELLER_ENTITY',
  VatNumberInvalid = 'VAT_NUMBER_INVALID',
}

const kinds: Record<InvoicingErrorCode, ErrorKind> = {
  [InvoicingErrorCode.InvoiceNotFound]: 'not-found',
  [InvoicingErrorCode.BillingDetailsNotFound]: 'not-found',
  [InvoicingErrorCode.PaymentDoesNotSettleDraft]: 'unprocessable',
  [InvoicingErrorCode.UnknownSellerEntity]: 'unprocessable',
  [InvoicingErrorCode.VatNumberInvalid]: 'unprocessable',
};

/** Every refusal of the invoicing service, one code each. */
export class InvoicingError extends DomainError<InvoicingErrorCode> {
  private constructor(code: InvoicingErrorCode, message: string, fields: FieldProblem[] = []) {
    super(code, message, fields, kinds[code]);
  }

  static invoiceNotFound(): InvoicingError {
    return new InvoicingError(InvoicingErrorCode.InvoiceNotFound, 'no such invoice');
  }

  static billingDetailsNotFound(): InvoicingError {
    return new InvoicingError(InvoicingErrorCode.BillingDetailsNotFound, 'no billing details yet');
  }

  /** A partial or mismatched payment never silently becomes an invoice for another amount: no retry fixes it. */
  static paymentDoesNotSettleDraft(
    payment: { paymentId: string; amountMinor: number; currency: string },
    draft: { id: string; grossMinor: number; currency: string },
  ): InvoicingError {
    return new InvoicingError(
      InvoicingErrorCode.PaymentDoesNotSettleDraft,
      `payment ${payment.paymentId} of ${payment.amountMinor} ${payment.currency} does not settle draft ${draft.id} (${draft.grossMinor} ${draft.currency})`,
      [{ field: 'amountMinor', reason: `must be ${draft.grossMinor} ${draft.currency}` }],
    );
  }

  static unknownSellerEntity(code: string): InvoicingError {
    return new InvoicingError(InvoicingErrorCode.UnknownSellerEntity, `no seller entity '${code}'`);
  }

  /** VIES answered that the number is not a valid VAT number: the details are not saved (V3). */
  static vatNumberInvalid(vatNumber: string): InvoicingError {
    return new InvoicingError(
      InvoicingErrorCode.VatNumberInvalid,
      `VIES says ${vatNumber} is not a valid VAT number; check it, or leave it out to be invoiced with VAT`,
      [{ field: 'vatNumber', reason: 'is not registered as valid in VIES' }],
    );
  }
}
