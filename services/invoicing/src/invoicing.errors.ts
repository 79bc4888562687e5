import { DomainError, ErrorKind, FieldProblem } from '@obolus/platform';

export enum InvoicingErrorCode {
  InvoiceNotFound = 'INVOICE_NOT_FOUND',
  BillingDetailsNotFound = 'BILLING_DETAILS_NOT_FOUND',
  PaymentDoesNotSettleDraft = 'PAYMENT_DOES_NOT_SETTLE_DRAFT',
  UnknownSellerEntity = 'UNKNOWN_SELLER_ENTITY',
  VatNumberInvalid = 'VAT_NUMBER_INVALID',
  CreditExceedsInvoice = 'CREDIT_EXCEEDS_INVOICE',
  InvoiceLineNotFound = 'INVOICE_LINE_NOT_FOUND',
  CreditNoteNotFound = 'CREDIT_NOTE_NOT_FOUND',
  InvoiceNotYetIssued = 'INVOICE_NOT_YET_ISSUED',
  IdempotencyKeyReused = 'IDEMPOTENCY_KEY_REUSED',
  ProformaNotFound = 'PROFORMA_NOT_FOUND',
  NoEfacturaXml = 'NO_EFACTURA_XML',
  EfacturaXmlNotReady = 'EFACTURA_XML_NOT_READY',
  EfacturaUnavailable = 'EFACTURA_UNAVAILABLE',
}

const kinds: Record<InvoicingErrorCode, ErrorKind> = {
  [InvoicingErrorCode.InvoiceNotFound]: 'not-found',
  [InvoicingErrorCode.BillingDetailsNotFound]: 'not-found',
  [InvoicingErrorCode.PaymentDoesNotSettleDraft]: 'unprocessable',
  [InvoicingErrorCode.UnknownSellerEntity]: 'unprocessable',
  [InvoicingErrorCode.VatNumberInvalid]: 'unprocessable',
  [InvoicingErrorCode.CreditExceedsInvoice]: 'unprocessable',
  [InvoicingErrorCode.InvoiceLineNotFound]: 'unprocessable',
  [InvoicingErrorCode.CreditNoteNotFound]: 'not-found',
  // The refund's invoice commits in another transaction a moment later: the event is retried.
  [InvoicingErrorCode.InvoiceNotYetIssued]: 'unavailable',
  [InvoicingErrorCode.IdempotencyKeyReused]: 'conflict',
  [InvoicingErrorCode.ProformaNotFound]: 'not-found',
  [InvoicingErrorCode.NoEfacturaXml]: 'not-found',
  [InvoicingErrorCode.EfacturaXmlNotReady]: 'conflict',
  [InvoicingErrorCode.EfacturaUnavailable]: 'unavailable',
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

  static creditExceedsInvoice(invoiceNumber: string, creditMinor: number, leftMinor: number, currency: string): InvoicingError {
    return new InvoicingError(
      InvoicingErrorCode.CreditExceedsInvoice,
      `a credit of ${creditMinor} exceeds what is left uncredited on invoice ${invoiceNumber} (${leftMinor} ${currency} minor units)`,
      [{ field: 'lines', reason: `the credit note may credit at most ${leftMinor}, what is left on the invoice` }],
    );
  }

  static invoiceLineNotFound(index: number, lineCount: number): InvoicingError {
    return new InvoicingError(InvoicingErrorCode.InvoiceLineNotFound, `the invoice has no line ${index}`, [
      { field: 'lines', reason: `must be line positions from 0 to ${lineCount - 1}` },
    ]);
  }

  static creditNoteNotFound(): InvoicingError {
    return new InvoicingError(InvoicingErrorCode.CreditNoteNotFound, 'no such credit note');
  }

  static invoiceNotYetIssued(draftId: string): InvoicingError {
    return new InvoicingError(InvoicingErrorCode.InvoiceNotYetIssued, `the invoice of draft ${draftId} is not issued yet`);
  }

  static idempotencyKeyReused(key: string): InvoicingError {
    return new InvoicingError(
      InvoicingErrorCode.IdempotencyKeyReused,
      `Idempotency-Key '${key}' was already used for another credit note`,
      [{ field: 'Idempotency-Key', reason: 'already used for another invoice, lines or reason' }],
    );
  }

  static proformaNotFound(): InvoicingError {
    return new InvoicingError(InvoicingErrorCode.ProformaNotFound, 'no such proforma');
  }

  static noEfacturaXml(number: string): InvoicingError {
    return new InvoicingError(
      InvoicingErrorCode.NoEfacturaXml,
      `${number} is not issued by a Romanian seller: it has no e-Factura XML, only its PDF`,
    );
  }

  static efacturaXmlNotReady(documentId: string): InvoicingError {
    return new InvoicingError(
      InvoicingErrorCode.EfacturaXmlNotReady,
      `the e-Factura XML of ${documentId} is not built yet; it follows the document within moments`,
    );
  }

  static efacturaUnavailable(reason: string): InvoicingError {
    return new InvoicingError(InvoicingErrorCode.EfacturaUnavailable, `the e-Factura XML cannot be fetched now: ${reason}`);
  }
}
