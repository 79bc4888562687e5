import { Inject, Injectable } from '@nestjs/common';
import { SERVICE_KEY_HEADER } from '@obolus/auth';
import { NotificationsError } from '../notifications.errors';

export const INVOICING_SETTINGS = Symbol('INVOICING_SETTINGS');

export interface InvoicingSettings {
  url: string;
  serviceKey: string;
}

/** The kinds of document PDFs invoicing serves, and where. */
export type DocumentPdfKind = 'invoice-pdf' | 'credit-note-pdf' | 'proforma-pdf';
const PATHS: Record<DocumentPdfKind, string> = {
  'invoice-pdf': 'internal/invoices',
  'credit-note-pdf': 'internal/credit-notes',
  'proforma-pdf': 'internal/proformas',
};

/**
 * Invoice, credit note and proforma PDFs, known by id; invoicing owns and serves them. The token use cases inject, so a spec gives
 * them stored bytes instead of a server. Throws `NotificationsError`: `invoiceNotFound` (final) or
 * `invoicingUnavailable` (tried again later).
 */
export abstract class InvoiceDocuments {
  abstract pdf(documentId: string, kind?: DocumentPdfKind): Promise<Buffer>;
}

const TIMEOUT_MS = 15_000;

/** Fetches the PDF from invoicing's internal route, with notifications' service key. */
@Injectable()
export class InvoicingInvoiceDocuments extends InvoiceDocuments {
  constructor(@Inject(INVOICING_SETTINGS) private readonly settings: InvoicingSettings) {
    super();
  }

  async pdf(invoiceId: string, kind: DocumentPdfKind = 'invoice-pdf'): Promise<Buffer> {
    const url = `${this.settings.url.replace(/\/+$/, '')}/${PATHS[kind]}/${encodeURIComponent(invoiceId)}/pdf`;
    let response: Response;
    try {
      response = await fetch(url, {
        headers: { [SERVICE_KEY_HEADER]: this.settings.serviceKey, accept: 'application/pdf' },
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      throw NotificationsError.invoicingUnavailable(`invoicing unreachable for invoice ${invoiceId}: ${causeOf(error)}`);
    }
    if (response.status === 404) throw NotificationsError.invoiceNotFound(invoiceId);
    if (!response.ok) {
      // 5xx passes; 401/403 is a credential to fix on our side, then the delivery goes out.
      throw NotificationsError.invoicingUnavailable(`invoicing answered ${response.status} for the PDF of invoice ${invoiceId}`);
    }
    return Buffer.from(await response.arrayBuffer());
  }
}

function causeOf(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message ?? String(error);
}
