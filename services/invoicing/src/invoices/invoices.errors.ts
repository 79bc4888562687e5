import { HttpStatus } from '@nestjs/common';
import { ApiError } from '@obolus/platform';

export enum InvoicesErrorCode {
  InvoiceNotFound = 'INVOICE_NOT_FOUND',
}

/** The errors of invoices, in the one Obolus error shape. */
export class InvoicesError extends ApiError {
  static invoiceNotFound(): InvoicesError {
    return new InvoicesError(HttpStatus.NOT_FOUND, InvoicesErrorCode.InvoiceNotFound, 'no such invoice');
  }
}
