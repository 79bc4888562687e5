import { InvoiceIssuedV1Data } from '@obolus/contracts';
import { normalizeCif } from '../authorizations/cif';

/** Where and how a document goes to ANAF. */
export interface SubmissionTarget {
  /** The seller's CUI: the uploader, whose authorisation is used. */
  cif: string;
  /** uploadb2c for a Romanian consumer, upload otherwise. */
  endpoint: 'upload' | 'uploadb2c';
  /** UBL for invoices, CN for credit notes. */
  standard: 'UBL' | 'CN';
  /** The buyer is outside Romania (extern=DA). */
  extern: boolean;
}

/** The target of an invoice's or a credit note's document; undefined when the seller has no CUI to upload under. */
export function submissionTargetOf(
  invoice: Pick<InvoiceIssuedV1Data, 'seller' | 'buyer'>,
  kind: 'invoice' | 'credit-note',
): SubmissionTarget | undefined {
  const cif = normalizeCif(invoice.seller.companyId) ?? normalizeCif(invoice.seller.vatId);
  if (!cif) return undefined;
  const romanianBuyer = invoice.buyer.address.country === 'RO';
  return {
    cif,
    endpoint: romanianBuyer && invoice.buyer.buyerType === 'individual' && !invoice.buyer.vatId ? 'uploadb2c' : 'upload',
    standard: kind === 'credit-note' ? 'CN' : 'UBL',
    extern: !romanianBuyer,
  };
}
