import { DocumentPdfKind, InvoiceDocuments } from '../../documents/invoice-documents';
import { NotificationsError } from '../../notifications.errors';

/** Invoice PDFs for specs, as invoicing would serve them: 404 for an unknown invoice, or unavailable. */
export class StoredInvoiceDocuments extends InvoiceDocuments {
  readonly pdfs = new Map<string, Buffer>();
  unavailable = false;

  /** The kind each PDF was asked as, by id. */
  readonly asked = new Map<string, DocumentPdfKind>();

  async pdf(invoiceId: string, kind: DocumentPdfKind = 'invoice-pdf'): Promise<Buffer> {
    this.asked.set(invoiceId, kind);
    if (this.unavailable)
      throw NotificationsError.invoicingUnavailable(`invoicing answered 503 for the PDF of invoice ${invoiceId}`);
    const pdf = this.pdfs.get(invoiceId);
    if (!pdf) throw NotificationsError.invoiceNotFound(invoiceId);
    return pdf;
  }
}
