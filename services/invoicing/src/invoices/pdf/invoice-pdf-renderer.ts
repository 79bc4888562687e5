import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { InvoicePdfContent, renderInvoicePdf } from './invoice-pdf';

export interface RenderedPdf {
  pdf: Buffer;
  /** SHA-256 of the bytes, lowercase hex: what `invoice.issued` refers to. */
  sha256: string;
}

/** Renders an invoice's PDF and fingerprints it; injected, so a spec may hand the use case a stand-in. */
@Injectable()
export class InvoicePdfRenderer {
  async render(content: InvoicePdfContent): Promise<RenderedPdf> {
    const pdf = await renderInvoicePdf(content);
    return { pdf, sha256: createHash('sha256').update(pdf).digest('hex') };
  }
}
