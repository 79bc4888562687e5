import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CiusRoValidator } from '@obolus/ubl';
import { SandboxClock } from './clock';
import type { ApiCall } from './efactura/api-call';
import { paginatedList, simpleList, type ListSettings } from './efactura/list-routes';
import { MessageStore } from './efactura/messages';
import { Processing } from './efactura/processing';
import { download, status, type StatusSettings } from './efactura/status-routes';
import { MAX_UPLOAD_BYTES, upload, type UploadSettings } from './efactura/upload-routes';
import { MAX_VALIDATION_BYTES, transform, validate } from './efactura/validation-routes';
import { Faults } from './faults';
import { escapeXml, header, html, json, readBody, redirect, springError, type Reply, type RequestBody } from './http';
import { DailyCounters, MinuteRateLimit } from './limits';
import { AccessTokens } from './oauth/access-tokens';
import { approvePage, DECISION_PATH } from './oauth/approve-page';
import { AuthorizationServer, type Grant } from './oauth/authorization-server';
import { OAuthError } from './oauth/oauth-error';
import { resolveOptions, type AnafSandboxOptions, type DocumentValidator, type ResolvedOptions } from './options';
import { RequestLog } from './request-log';
import { identityFromPem, selfSignedIdentity, type SigningIdentity } from './signing/certificate';

const AUTHORIZE_PATH = '/anaf-oauth2/v1/authorize';
const TOKEN_PATH = '/anaf-oauth2/v1/token';
export const JWKS_PATH = '/anaf-oauth2/v1/jwks';
/** `/{test|prod}/FCTEL/rest/<method>[/<standard>[/DA]]`: the Bearer and the certificate hosts share these paths. */
const API_PATH = /^\/(test|prod)\/FCTEL\/rest\/([A-Za-z0-9]+)(?:\/([A-Za-z0-9]+))?(?:\/(DA))?$/;
const CONTROL_PREFIX = '/_sandbox/';
const CONTROL_BODY_BYTES = 20 * 1024 * 1024;

/** Routes and the method each takes. */
const API_METHODS: Record<string, string> = {
  upload: 'POST',
  uploadb2c: 'POST',
  stareMesaj: 'GET',
  listaMesajeFactura: 'GET',
  listaMesajePaginatieFactura: 'GET',
  descarcare: 'GET',
  validare: 'POST',
  transformare: 'POST',
};

/** Handles the `/_sandbox/...` test controls; set by the facade that owns them. */
export type ControlHandler = (method: string, path: string, query: URLSearchParams, body: string) => Promise<Reply>;

/**
 * One HTTP server for both ANAF hosts: logincert.anaf.ro's OAuth endpoints and api.anaf.ro's
 * e-Factura API, plus test controls. Test-made faults (latency, 500s, outages) hit everything but
 * the controls.
 */
export class AnafSandboxServer {
  readonly clock = new SandboxClock();
  readonly faults = new Faults();
  readonly store = new MessageStore();
  readonly processing: Processing;
  readonly oauth: AuthorizationServer;
  readonly requests: RequestLog;
  readonly options: ResolvedOptions;
  controls?: ControlHandler;
  private readonly rate = new MinuteRateLimit();
  private readonly daily = new DailyCounters();
  private readonly server: Server;
  private validatorInstance?: DocumentValidator;
  private port = 0;
  private listening = false;
  private reopenTimer?: NodeJS.Timeout;
  private closeAfterResponse?: number;

  private constructor(
    private readonly given: AnafSandboxOptions,
    readonly identity: SigningIdentity,
    readonly tokens: AccessTokens,
  ) {
    this.options = resolveOptions(given);
    this.requests = new RequestLog(this.options.requestLogSize);
    this.validatorInstance = given.validator;
    const now = (): number => this.clock.now();
    this.oauth = new AuthorizationServer(this.options, tokens, now);
    this.processing = new Processing(this.store, {
      now,
      validator: () => this.validator(),
      listingDelayMs: () => this.options.listingDelayMs,
    });
    // A client that aborts mid-body leaves nothing to answer: drop its connection, keep serving.
    this.server = createServer((req, res) => void this.handle(req, res).catch(() => res.destroy()));
  }

  static async create(options: AnafSandboxOptions): Promise<AnafSandboxServer> {
    const resolved = resolveOptions(options);
    const identity =
      options.signingKeyPem && options.signingCertificatePem
        ? identityFromPem(options.signingKeyPem, options.signingCertificatePem)
        : selfSignedIdentity('Sandbox ANAF - semnatura Ministerul Finantelor');
    const server = new AnafSandboxServer(options, identity, await AccessTokens.create(resolved.issuer));
    if (options.warmUpValidator && !options.validator) server.validatorInstance = CiusRoValidator.create({ warmUp: true });
    return server;
  }

  /** The official-rules validator, loaded on first use (it reads the schemas and the compiled schematron). */
  validator(): DocumentValidator {
    this.validatorInstance ??= CiusRoValidator.create();
    return this.validatorInstance;
  }

  async listen(): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.port || this.given.port || 0, this.given.host ?? '127.0.0.1', () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    this.port = (this.server.address() as AddressInfo).port;
    this.listening = true;
    return this.port;
  }

  /** As `closePort`, once the control request asking for it has been answered. */
  closePortAfterResponse(forMs?: number): void {
    this.closeAfterResponse = forMs ?? -1;
  }

  /** Closes the port so that connections are refused, for `forMs` real milliseconds (-1: until `reopen`). */
  closePort(forMs: number): void {
    if (this.listening) {
      this.listening = false;
      this.server.close();
      this.server.closeAllConnections();
    }
    clearTimeout(this.reopenTimer);
    if (forMs >= 0) this.reopenTimer = setTimeout(() => void this.reopen(), forMs);
  }

  async reopen(): Promise<void> {
    clearTimeout(this.reopenTimer);
    this.reopenTimer = undefined;
    this.closeAfterResponse = undefined;
    if (!this.listening) await this.listen();
  }

  reset(): void {
    this.faults.clear();
    this.store.clear();
    this.processing.clear();
    this.oauth.clear();
    this.requests.clear();
    this.rate.clear();
    this.daily.clear();
    this.clock.reset();
  }

  async close(): Promise<void> {
    clearTimeout(this.reopenTimer);
    await this.processing.idle();
    if (!this.listening) return;
    this.listening = false;
    await new Promise<void>((resolve, reject) => {
      this.server.close((error) => (error ? reject(error) : resolve()));
      this.server.closeAllConnections();
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    const method = (req.method ?? 'GET').toUpperCase();
    if (url.pathname.startsWith(CONTROL_PREFIX) || url.pathname === JWKS_PATH) {
      const body = await readBody(req, CONTROL_BODY_BYTES);
      const reply = await this.safely(() => this.control(method, url, body));
      this.write(res, reply);
      const closeFor = this.closeAfterResponse;
      if (closeFor !== undefined) {
        this.closeAfterResponse = undefined;
        res.once('finish', () => this.closePort(closeFor));
      }
      return;
    }
    const body = await readBody(req, MAX_UPLOAD_BYTES);
    const now = this.clock.now();
    const outage = this.faults.down(now);
    const entry = {
      at: new Date(now).toISOString(),
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      bodyBytes: body.size,
    };
    if (outage?.mode === 'reset' || outage?.mode === 'refuse') {
      this.requests.add({ ...entry, status: 0 });
      req.socket.destroy();
      return;
    }
    if (this.faults.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.faults.latencyMs));
    let clientId: string | undefined;
    let reply: Reply;
    if (outage?.mode === '503') {
      reply = { status: 503, contentType: 'text/html', body: '<html><body><h1>503 Service Unavailable</h1></body></html>' };
    } else if (this.faults.takeFailure(now, url.pathname)) {
      reply = springError(500, 'A aparut o eroare tehnica. Cod: 500', now, url.pathname);
    } else {
      reply = await this.safely(async () => {
        const routed = await this.route(req, method, url, body, now);
        clientId = routed.clientId;
        return routed.reply;
      });
    }
    this.requests.add({ ...entry, status: reply.status, ...(clientId ? { clientId } : {}) });
    this.write(res, reply);
  }

  private async safely(work: () => Promise<Reply>): Promise<Reply> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof OAuthError) return json(error.body(), 400);
      const message = error instanceof Error ? error.message : String(error);
      return springError(500, `A aparut o eroare tehnica. Cod: SANDBOX (${message})`, this.clock.now());
    }
  }

  private write(res: ServerResponse, reply: Reply): void {
    res.writeHead(reply.status, { 'Content-Type': reply.contentType, 'Cache-Control': 'no-store', ...reply.headers });
    res.end(reply.body);
  }

  private control(method: string, url: URL, body: RequestBody): Promise<Reply> {
    if (url.pathname === JWKS_PATH) return Promise.resolve(json(this.tokens.jwks()));
    if (!this.controls) return Promise.resolve(json({ error: 'controls are not attached' }, 404));
    return this.controls(method, url.pathname, url.searchParams, body.bytes.toString('utf8'));
  }

  private async route(
    req: IncomingMessage,
    method: string,
    url: URL,
    body: RequestBody,
    now: number,
  ): Promise<{ reply: Reply; clientId?: string }> {
    this.processing.settleDue();
    if (url.pathname === AUTHORIZE_PATH && method === 'GET') return { reply: this.authorize(url.searchParams) };
    if (url.pathname === DECISION_PATH && method === 'POST') return { reply: this.decide(body) };
    if (url.pathname === TOKEN_PATH && method === 'POST') return this.token(req, body);
    const api = API_PATH.exec(url.pathname);
    const name = api?.[2];
    if (!api || !name || !Object.hasOwn(API_METHODS, name)) return { reply: springError(404, 'Not Found', now, url.pathname) };
    if (API_METHODS[name] !== method)
      return { reply: springError(405, `Request method '${method}' not supported`, now, url.pathname) };
    const [, , , standard, da] = api;
    if (name === 'validare' || name === 'transformare') {
      // Public at webservicesp.anaf.ro: no token needed, limited per caller's address.
      if (!this.rate.take(`address ${req.socket.remoteAddress}`, this.options.limits.requestsPerMinute, now)) {
        return { reply: this.tooMany(now, url.pathname) };
      }
      if (body.size > MAX_VALIDATION_BYTES) body = { ...body, truncated: true };
      const reply =
        name === 'validare'
          ? await validate(standard ?? '', body, this.validator())
          : await transform(standard ?? '', da === 'DA', body, this.validator());
      return { reply };
    }
    if (standard || da) return { reply: springError(404, 'Not Found', now, url.pathname) };
    const grant = await this.bearer(req, now);
    if (!grant) return { reply: springError(403, 'Access Denied', now, url.pathname) };
    if (!this.rate.take(`client ${grant.clientId}`, this.options.limits.requestsPerMinute, now)) {
      return { reply: this.tooMany(now, url.pathname), clientId: grant.clientId };
    }
    const call: ApiCall = { path: url.pathname, query: url.searchParams, body, grant, now };
    return { reply: this.api(name, call), clientId: grant.clientId };
  }

  private api(name: string, call: ApiCall): Reply {
    const limits = () => this.options.limits;
    const uploads: UploadSettings = {
      store: this.store,
      processing: this.processing,
      daily: this.daily,
      limits,
      processingDelayMs: () => this.options.processingDelayMs,
    };
    const statuses: StatusSettings = { store: this.store, daily: this.daily, limits, identity: this.identity };
    const lists: ListSettings = { store: this.store, daily: this.daily, limits, pageSize: () => this.options.pageSize };
    switch (name) {
      case 'upload':
        return upload(call, 'upload', uploads);
      case 'uploadb2c':
        return upload(call, 'uploadb2c', uploads);
      case 'stareMesaj':
        return status(call, statuses);
      case 'descarcare':
        return download(call, statuses);
      case 'listaMesajeFactura':
        return simpleList(call, lists);
      default:
        return paginatedList(call, lists);
    }
  }

  private tooMany(now: number, path: string): Reply {
    return springError(429, `Limita de ${this.options.limits.requestsPerMinute} de apeluri pe minut a fost depasita`, now, path);
  }

  /** The grant behind a valid, unexpired Bearer token whose consent was not revoked. */
  private async bearer(req: IncomingMessage, now: number): Promise<Grant | undefined> {
    const authorization = header(req, 'authorization') ?? '';
    if (!/^bearer /i.test(authorization)) return undefined;
    const claims = await this.tokens.verify(authorization.slice(7).trim(), now);
    const grant = claims && this.oauth.grant(claims.grantId);
    return grant && !grant.revoked ? grant : undefined;
  }

  private authorize(query: URLSearchParams): Reply {
    try {
      const outcome = this.oauth.authorize(query);
      return 'redirect' in outcome ? redirect(outcome.redirect) : html(approvePage(outcome));
    } catch (error) {
      if (error instanceof OAuthError)
        return html(`<!doctype html><h1>Eroare: ${error.error}</h1><p>${escapeXml(error.description)}</p>`, 400);
      throw error;
    }
  }

  private decide(body: RequestBody): Reply {
    const form = new URLSearchParams(body.bytes.toString('utf8'));
    const cifs = (form.get('cifs') ?? '')
      .split(',')
      .map((cif) => cif.trim())
      .filter((cif) => cif !== '');
    return redirect(this.oauth.decide(form.get('request_id') ?? '', form.get('decision') === 'approve', cifs));
  }

  private async token(req: IncomingMessage, body: RequestBody): Promise<{ reply: Reply; clientId?: string }> {
    const type = header(req, 'content-type') ?? '';
    if (!type.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
      throw new OAuthError('invalid_request', 'Content-Type must be application/x-www-form-urlencoded');
    }
    const tokens = await this.oauth.token(header(req, 'authorization'), new URLSearchParams(body.bytes.toString('utf8')));
    return { reply: json(tokens) };
  }
}
