import {
  parseJsonError,
  parseMessageList,
  parseMessagePage,
  parseStatusAnswer,
  parseUploadAnswer,
  parseValidationAnswer,
} from './answers';
import { AnafCallError } from './errors';
import {
  AnafClientSettings,
  AnafTokens,
  DownloadResult,
  ListRequest,
  MessageList,
  MessagePage,
  PageRequest,
  StatusResult,
  UploadRequest,
  UploadResult,
  ValidationResult,
  ValidationStandard,
} from './types';

interface Answer {
  status: number;
  contentType: string;
  body: Buffer;
}

/** The most of an answer read: ANAF's archives hold a document of at most 10 MB and its signature. */
const MAX_ANSWER_BYTES = 25 * 1024 * 1024;
const DEFAULT_TIMEOUT_MS = 30_000;

const trimSlash = (url: string): string => url.replace(/\/+$/, '');

function retryAfterMs(value: string | null): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

/** The message of a Spring-style JSON error (`{ message }`), or the start of the body. */
function errorText(body: Buffer): string {
  const raw = body.toString('utf8');
  try {
    const parsed = JSON.parse(raw) as Record<string, unknown>;
    for (const key of ['message', 'error_description', 'error', 'eroare'])
      if (typeof parsed[key] === 'string') return parsed[key];
  } catch {
    // not JSON
  }
  return raw.slice(0, 200);
}

/**
 * ANAF's OAuth server and e-Factura API over plain HTTP. Every call has a timeout. A business answer
 * (a refused upload, `nok`, an `eroare`) is a typed result; a call that did not work throws
 * `AnafCallError`, whose `retryable` says whether to try again (timeouts, connection failures, 5xx and
 * 429 are; they never mean a document was rejected).
 */
export class AnafClient {
  private readonly oauthUrl: string;
  private readonly apiUrl: string;
  private readonly publicApiUrl: string;
  private readonly timeoutMs: number;
  private readonly fetch: typeof fetch;

  constructor(private readonly settings: AnafClientSettings) {
    this.oauthUrl = trimSlash(settings.oauthUrl);
    this.apiUrl = trimSlash(settings.apiUrl);
    this.publicApiUrl = trimSlash(settings.publicApiUrl ?? settings.apiUrl);
    this.timeoutMs = settings.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.fetch = settings.fetch ?? globalThis.fetch;
  }

  /** Where to send the certificate holder's browser; `state` comes back on the callback unchanged. */
  authorizeUrl(state: string): string {
    const query = new URLSearchParams({
      response_type: 'code',
      client_id: this.settings.clientId,
      redirect_uri: this.settings.redirectUri,
      token_content_type: 'jwt',
      state,
    });
    return `${this.oauthUrl}/authorize?${query.toString()}`;
  }

  /** The tokens for the code ANAF put on the callback (usable once, for 60 s). */
  exchangeCode(code: string): Promise<AnafTokens> {
    return this.token({
      grant_type: 'authorization_code',
      code,
      redirect_uri: this.settings.redirectUri,
      token_content_type: 'jwt',
    });
  }

  /** New tokens for a refresh token; the one given stops working, so the new refresh token must be kept. */
  refresh(refreshToken: string): Promise<AnafTokens> {
    return this.token({ grant_type: 'refresh_token', refresh_token: refreshToken, token_content_type: 'jwt' });
  }

  upload(accessToken: string, request: UploadRequest): Promise<UploadResult> {
    return this.send('upload', accessToken, request);
  }

  /** The same as `upload`, for invoices to consumers (B2C). */
  uploadB2c(accessToken: string, request: UploadRequest): Promise<UploadResult> {
    return this.send('uploadb2c', accessToken, request);
  }

  async stareMesaj(accessToken: string, uploadIndex: string): Promise<StatusResult> {
    const answer = await this.api(accessToken, 'stareMesaj', { id_incarcare: uploadIndex });
    return parseStatusAnswer(answer.body.toString('utf8'));
  }

  async listaMesajeFactura(accessToken: string, request: ListRequest): Promise<MessageList> {
    const query = { zile: String(request.zile), cif: request.cif, ...(request.filtru ? { filtru: request.filtru } : {}) };
    const answer = await this.api(accessToken, 'listaMesajeFactura', query);
    return parseMessageList(answer.body.toString('utf8'));
  }

  async listaMesajePaginatieFactura(accessToken: string, request: PageRequest): Promise<MessagePage> {
    const query = {
      startTime: String(request.startTime),
      endTime: String(request.endTime),
      cif: request.cif,
      pagina: String(request.pagina),
      ...(request.filtru ? { filtru: request.filtru } : {}),
    };
    const answer = await this.api(accessToken, 'listaMesajePaginatieFactura', query);
    return parseMessagePage(answer.body.toString('utf8'));
  }

  /** The archive of a message (check it with `readAnafArchive`), or ANAF's refusal. */
  async descarcare(accessToken: string, downloadId: string): Promise<DownloadResult> {
    const answer = await this.api(accessToken, 'descarcare', { id: downloadId });
    if (answer.body.subarray(0, 2).toString('latin1') === 'PK') return { zip: answer.body };
    const error = parseJsonError(answer.body.toString('utf8'));
    if (error === undefined)
      throw new AnafCallError(
        'unavailable',
        `descarcare answered neither a ZIP nor an error: ${errorText(answer.body)}`,
        answer.status,
      );
    return { error, expired: /60 de zile/.test(error) };
  }

  /** ANAF's own verdict on a document, without uploading it (public; a token is sent when given). */
  async validare(xml: string, standard: ValidationStandard, accessToken?: string): Promise<ValidationResult> {
    const answer = await this.call(`${this.publicApiUrl}/validare/${standard}`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain', ...(accessToken ? { Authorization: `Bearer ${accessToken}` } : {}) },
      body: xml,
    });
    return parseValidationAnswer(answer.body.toString('utf8'));
  }

  private async send(endpoint: 'upload' | 'uploadb2c', accessToken: string, request: UploadRequest): Promise<UploadResult> {
    const query: Record<string, string> = { standard: request.standard, cif: request.cif };
    if (request.extern) query.extern = 'DA';
    if (request.autofactura) query.autofactura = 'DA';
    if (request.executare) query.executare = 'DA';
    const answer = await this.api(accessToken, endpoint, query, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: request.xml,
    });
    return parseUploadAnswer(answer.body.toString('utf8'));
  }

  private api(accessToken: string, path: string, query: Record<string, string>, init: RequestInit = {}): Promise<Answer> {
    const url = `${this.apiUrl}/${path}?${new URLSearchParams(query).toString()}`;
    return this.call(url, {
      ...init,
      headers: { ...(init.headers as Record<string, string>), Authorization: `Bearer ${accessToken}` },
    });
  }

  private async token(form: Record<string, string>): Promise<AnafTokens> {
    const basic = Buffer.from(`${this.settings.clientId}:${this.settings.clientSecret}`).toString('base64');
    const answer = await this.call(
      `${this.oauthUrl}/token`,
      {
        method: 'POST',
        headers: { Authorization: `Basic ${basic}`, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(form).toString(),
      },
      true,
    );
    let parsed: Record<string, unknown> = {};
    try {
      parsed = JSON.parse(answer.body.toString('utf8')) as Record<string, unknown>;
    } catch {
      // checked below
    }
    const { access_token, refresh_token, token_type, expires_in } = parsed;
    if (typeof access_token !== 'string' || typeof refresh_token !== 'string' || !Number.isFinite(Number(expires_in)))
      throw new AnafCallError('unavailable', `the token answer is not ANAF's: ${errorText(answer.body)}`, answer.status);
    return {
      accessToken: access_token,
      refreshToken: refresh_token,
      tokenType: typeof token_type === 'string' ? token_type : 'Bearer',
      expiresInSeconds: Number(expires_in),
    };
  }

  /**
   * One HTTP call, classified: 2xx returns; 429, 5xx, timeouts and connection failures are
   * `unavailable`; 401/403 `unauthorized`; a token endpoint's 400 `unauthorized` when its OAuth error
   * says the grant or client is no good, else `bad-request`.
   */
  private async call(url: string, init: RequestInit, tokenEndpoint = false): Promise<Answer> {
    let response: Response;
    let body: Buffer;
    try {
      response = await this.fetch(url, { ...init, redirect: 'manual', signal: AbortSignal.timeout(this.timeoutMs) });
      body = await readCapped(response);
    } catch (error) {
      if (error instanceof AnafCallError) throw error;
      // Duck-typed: the DOMException of an aborted fetch need not be an Error of this realm.
      const name = (error as { name?: unknown } | null)?.name;
      const timedOut = name === 'TimeoutError' || name === 'AbortError';
      const cause = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
      throw new AnafCallError(
        'unavailable',
        timedOut ? `no answer within ${this.timeoutMs} ms` : `ANAF could not be reached: ${cause}`,
      );
    }
    const { status } = response;
    if (status >= 200 && status < 300) return { status, contentType: response.headers.get('content-type') ?? '', body };
    const message = `ANAF answered ${status}: ${errorText(body)}`;
    if (status === 429)
      throw new AnafCallError('unavailable', message, status, retryAfterMs(response.headers.get('retry-after')));
    if (status >= 500) throw new AnafCallError('unavailable', message, status);
    if (status === 401 || status === 403) throw new AnafCallError('unauthorized', message, status);
    if (tokenEndpoint && status === 400) {
      const oauthError = errorCode(body);
      const kind = oauthError === 'invalid_grant' || oauthError === 'invalid_client' ? 'unauthorized' : 'bad-request';
      throw new AnafCallError(kind, message, status, undefined, oauthError);
    }
    throw new AnafCallError(status >= 300 && status < 400 ? 'unavailable' : 'bad-request', message, status);
  }
}

function errorCode(body: Buffer): string | undefined {
  try {
    const parsed = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
    return typeof parsed.error === 'string' ? parsed.error : undefined;
  } catch {
    return undefined;
  }
}

/** The body, refusing one larger than any ANAF answer can be. */
async function readCapped(response: Response): Promise<Buffer> {
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > MAX_ANSWER_BYTES) {
    await response.body?.cancel();
    throw new AnafCallError('unavailable', `an answer of ${declared} bytes, more than any ANAF answer`, response.status);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  if (!response.body) return Buffer.alloc(0);
  for await (const chunk of response.body) {
    total += chunk.length;
    if (total > MAX_ANSWER_BYTES) {
      await response.body.cancel().catch(() => undefined);
      throw new AnafCallError(
        'unavailable',
        `an answer over ${MAX_ANSWER_BYTES} bytes, more than any ANAF answer`,
        response.status,
      );
    }
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}
