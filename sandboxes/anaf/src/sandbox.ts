import type { JWK } from 'jose';
import { documentFacts } from './efactura/document-facts';
import { supplierInvoiceXml } from './efactura/supplier-invoice';
import type { Stare } from './efactura/anaf-xml';
import type { OutageMode } from './faults';
import type { AnafSandboxOptions, OAuthClient } from './options';
import type { LoggedRequest } from './request-log';
import { AnafSandboxServer } from './server';
import { handleControl } from './controls';

export interface SupplierInvoiceInput {
  /** The CUI that receives the invoice (it shows under filter P in its lists). */
  cif: string;
  /** The issuer's CUI; read from the XML when absent, and required when the XML cannot be read. */
  supplierCif?: string;
  /** The invoice as sent; a valid CIUS-RO invoice from supplierCif to cif is generated when absent. */
  xml?: string;
  number?: string;
  issueDate?: string;
  /**
   * Test control: the bytes `descarcare` answers for this message instead of the ZIP ANAF would
   * build (a hostile archive: path traversal, a ZIP bomb, a broken directory). Listed as usual.
   */
  archive?: Buffer;
}

export interface ProcessedUpload {
  id_incarcare: number;
  stare: Stare;
  id_descarcare?: number;
}

/** The running sandbox and the controls a test drives it with (also served under /_sandbox/...). */
export interface AnafSandbox {
  url: string;
  port: number;
  /** The certificate that `descarcare` signatures verify against (PEM). */
  signingCertificatePem: string;
  jwks(): { keys: JWK[] };
  /** The sandbox clock (epoch ms), and moving it. */
  now(): number;
  advanceClock(ms: number): number;
  setClock(epochMs: number): number;
  /** Every call waits this long before it is answered. */
  setLatency(ms: number): void;
  /** The next `count` calls answer 500 (only calls to a path ending with `path`, when given); or every call for `ms` of sandbox time. */
  failNext(count: number, path?: string): void;
  failFor(ms: number): void;
  stopFailing(): void;
  /** Down until comeUp or for `forMs`: connections reset (default), 503 answers, or the port closed. */
  goDown(options?: { forMs?: number; mode?: OutageMode }): void;
  comeUp(): Promise<void>;
  /** The next `count` uploads end nok with these messages (ANAF rejecting what Obolus's validator passed). */
  rejectNext(options?: { count?: number; errors?: string[] }): void;
  /** Ends processing now for one upload or all pending ones, once validated. */
  advanceProcessing(index?: number): Promise<ProcessedUpload[]>;
  enqueueSupplierInvoice(input: SupplierInvoiceInput): { id_incarcare: number; id: number };
  /** The approve step without the page: a code for this client and callback. */
  approve(params: { clientId: string; redirectUri: string; state?: string; cifs?: string[] }): { code: string; location: string };
  /** Withdraws consents; their tokens answer 403 and their refresh tokens invalid_grant. */
  revoke(filter?: { clientId?: string; cif?: string }): number;
  registerClient(client: OAuthClient): void;
  /** Calls received (controls excluded), oldest first; only those whose path ends with `pathSuffix` when given. */
  requests(pathSuffix?: string): LoggedRequest[];
  reset(): void;
  close(): Promise<void>;
}

function enqueue(server: AnafSandboxServer, input: SupplierInvoiceInput): { id_incarcare: number; id: number } {
  if (!/^\d+$/.test(input.cif)) throw new RangeError(`cif must be a CUI (digits only): ${input.cif}`);
  const supplierCif = input.supplierCif ?? (input.xml ? documentFacts(input.xml).sellerCif : '18547290');
  if (!supplierCif || !/^\d+$/.test(supplierCif))
    throw new RangeError('supplierCif is required (digits only) when the XML names none');
  const xml =
    input.xml ?? supplierInvoiceXml({ supplierCif, buyerCif: input.cif, number: input.number, issueDate: input.issueDate });
  const facts = documentFacts(xml);
  const now = server.clock.now();
  const verdict = { stare: 'ok' as const, errors: [], at: now };
  const upload = server.store.add({
    index: server.store.newIndex(),
    cif: supplierCif,
    standard: 'UBL',
    endpoint: 'upload',
    flags: { extern: false, autofactura: false, executare: false },
    xml: Buffer.from(xml, 'utf8'),
    receivedAt: now,
    readyAt: now,
    number: facts.number,
    issueDate: facts.issueDate,
    sellerCif: supplierCif,
    buyerCif: input.cif,
    verdict,
  });
  server.store.finish(upload, verdict, upload.xml, now, server.options.listingDelayMs);
  const id = upload.result?.downloadId;
  if (id === undefined) throw new Error('an accepted invoice always has a download id');
  const download = server.store.downloads.get(id);
  if (input.archive && download) download.servedArchive = Buffer.from(input.archive);
  return { id_incarcare: upload.index, id };
}

export async function startAnafSandbox(options: AnafSandboxOptions = {}): Promise<AnafSandbox> {
  const server = await AnafSandboxServer.create(options);
  const port = await server.listen();
  const sandbox: AnafSandbox = {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    port,
    signingCertificatePem: server.identity.certificatePem,
    jwks: () => server.tokens.jwks(),
    now: () => server.clock.now(),
    advanceClock: (ms) => server.clock.advance(ms),
    setClock: (epochMs) => server.clock.set(epochMs),
    setLatency: (ms) => {
      server.faults.latencyMs = Math.max(0, ms);
    },
    failNext: (count, path) => server.faults.failNext(count, path),
    failFor: (ms) => server.faults.failUntil(server.clock.now() + ms),
    stopFailing: () => server.faults.stopFailing(),
    goDown: ({ forMs, mode = 'reset' } = {}) => {
      if (mode === 'refuse') server.closePort(forMs ?? -1);
      else server.faults.goDown({ mode, until: forMs === undefined ? undefined : server.clock.now() + forMs });
    },
    comeUp: async () => {
      server.faults.comeUp();
      await server.reopen();
    },
    rejectNext: ({ count = 1, errors = [] } = {}) => server.processing.rejectNext(count, errors),
    advanceProcessing: async (index) => {
      const ended = await server.processing.advance(index);
      return ended.map((upload) => ({
        id_incarcare: upload.index,
        stare: upload.result?.stare ?? 'in prelucrare',
        ...(upload.result?.downloadId ? { id_descarcare: upload.result.downloadId } : {}),
      }));
    },
    enqueueSupplierInvoice: (input) => enqueue(server, input),
    approve: (params) => server.oauth.approve(params),
    revoke: (filter = {}) => server.oauth.revoke(filter),
    registerClient: (client) => server.oauth.registerClient(client),
    requests: (pathSuffix) => server.requests.list(pathSuffix),
    reset: () => server.reset(),
    close: () => server.close(),
  };
  server.controls = (method, path, query, body) => handleControl(sandbox, server, method, path, query, body);
  return sandbox;
}
