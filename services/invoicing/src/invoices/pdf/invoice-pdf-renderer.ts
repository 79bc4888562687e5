import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { CreditNotePdfContent, renderCreditNotePdf } from './credit-note-pdf';
import { InvoicePdfContent, renderInvoicePdf } from './invoice-pdf';
import { ProformaPdfContent, renderProformaPdf } from './proforma-pdf';

export interface RenderedPdf {
  pdf: Buffer;
  /** SHA-256 of the bytes, lowercase hex: what `invoice.issued` and `credit-note.issued` refer to. */
  sha256: string;
}

const fingerprinted = (pdf: Buffer): RenderedPdf => ({ pdf, sha256: createHash('sha256').update(pdf).digest('hex') });

/** Renders an invoice's, a credit note's or a proforma's PDF and fingerprints it; injected, so a spec may hand the use case a stand-in. */
@Injectable()
export class InvoicePdfRenderer {
  async render(content: InvoicePdfContent): Promise<RenderedPdf> {
    return fingerprinted(await renderInvoicePdf(content));
  }

  async renderCreditNote(content: CreditNotePdfContent): Promise<RenderedPdf> {
    return fingerprinted(await renderCreditNotePdf(content));
  }

  async renderProforma(content: ProformaPdfContent): Promise<RenderedPdf> {
    return fingerprinted(await renderProformaPdf(content));
  }
}
