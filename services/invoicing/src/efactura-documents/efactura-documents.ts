import { InvoicingError } from '../invoicing.errors';

export type EfacturaDocumentKind = 'invoice' | 'credit-note';

export interface EfacturaXml {
  filename: string;
  xml: Buffer;
}

/**
 * The CIUS-RO XML of a Romanian invoice or credit note, which efactura-gateway builds and keeps. Injected,
 * so a spec may give stored bytes instead of a server.
 */
export abstract class EfacturaDocuments {
  /** The XML, asked with the customer's own token (the gateway checks it, as for any request of the account). */
  abstract xml(kind: EfacturaDocumentKind, accountId: string, documentId: string, authorization: string): Promise<Buffer>;
}

const TIMEOUT_MS = 15_000;
const PATHS: Record<EfacturaDocumentKind, string> = { invoice: 'invoices', 'credit-note': 'credit-notes' };

/** Fetches the XML from efactura-gateway's account route, forwarding the caller's bearer token. */
export class GatewayEfacturaDocuments extends EfacturaDocuments {
  /** `baseUrl`: EFACTURA_GATEWAY_URL, or undefined when this deployment has no gateway to ask. */
  constructor(private readonly baseUrl: string | undefined) {
    super();
  }

  async xml(kind: EfacturaDocumentKind, accountId: string, documentId: string, authorization: string): Promise<Buffer> {
    const base = this.baseUrl;
    if (!base)
      throw InvoicingError.efacturaUnavailable('EFACTURA_GATEWAY_URL is not set: this deployment serves no e-Factura XML');
    const url = `${base.replace(/\/+$/, '')}/accounts/${encodeURIComponent(accountId)}/efactura/${PATHS[kind]}/${encodeURIComponent(documentId)}/xml`;
    let response: Response;
    try {
      response = await fetch(url, {
        headers: { authorization, accept: 'application/xml' },
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      throw InvoicingError.efacturaUnavailable(`efactura-gateway unreachable: ${(error as Error).message}`);
    }
    // Not built yet (the document.validated event is on its way), or not one the gateway keeps.
    if (response.status === 404) throw InvoicingError.efacturaXmlNotReady(documentId);
    if (!response.ok) throw InvoicingError.efacturaUnavailable(`efactura-gateway answered ${response.status}`);
    return Buffer.from(await response.arrayBuffer());
  }
}
