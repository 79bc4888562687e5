import { Inject, Injectable } from '@nestjs/common';
import { SERVICE_KEY_HEADER } from '@obolus/auth';
import { createHash } from 'node:crypto';
import { PermanentDeliveryError, TransientDeliveryError } from '../deliveries/delivery-failure';
import { InvoicePdfReference } from '../email/compose-email';

export const INVOICING_SETTINGS = Symbol('INVOICING_SETTINGS');

export interface InvoicingSettings {
  url: string;
  serviceKey: string;
}

const TIMEOUT_MS = 15_000;

/** Invoice PDFs, fetched by reference from invoicing, which owns and serves them. */
@Injectable()
export class InvoiceDocuments {
  constructor(@Inject(INVOICING_SETTINGS) private readonly settings: InvoicingSettings) {}

  async pdf(reference: InvoicePdfReference): Promise<Buffer> {
    const url = `${this.settings.url.replace(/\/+$/, '')}/internal/invoices/${encodeURIComponent(reference.invoiceId)}/pdf`;
    let response: Response;
    try {
      response = await fetch(url, {
        headers: { [SERVICE_KEY_HEADER]: this.settings.serviceKey, accept: 'application/pdf' },
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      throw new TransientDeliveryError(`invoicing unreachable for invoice ${reference.invoiceId}: ${causeOf(error)}`);
    }
    if (response.status === 404) {
      throw new PermanentDeliveryError(`invoicing has no invoice ${reference.invoiceId}`);
    }
    if (!response.ok) {
      // 5xx passes; 401/403 is a credential to fix on our side, then the delivery goes out.
      throw new TransientDeliveryError(`invoicing answered ${response.status} for the PDF of invoice ${reference.invoiceId}`);
    }
    const pdf = Buffer.from(await response.arrayBuffer());
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    if (sha256 !== reference.sha256) {
      throw new PermanentDeliveryError(
        `the PDF of invoice ${reference.invoiceId} has SHA-256 ${sha256}, not the ${reference.sha256} its event announced`,
      );
    }
    return pdf;
  }
}

function causeOf(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message ?? String(error);
}
