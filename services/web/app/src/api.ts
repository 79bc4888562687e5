/**
 * The portal's only way to the services: same-origin requests to the web edge's `/api/<service>/…`. The
 * session lives in HttpOnly cookies the edge sets; writes carry the CSRF token the edge put in the readable
 * `obolus_csrf` cookie. No token is ever kept in script-readable storage.
 */
export type ServiceName = 'identity' | 'subscriptions' | 'payments' | 'invoicing' | 'efactura-gateway' | 'notifications';

export interface FieldError {
  field?: string;
  path?: string;
  reason?: string;
  message?: string;
}

/** A refusal as every Obolus service answers it: `{code, message, fields}`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldError[] = [],
  ) {
    super(message);
  }

  /** 403 and 404 both mean "not yours or not there": the portal shows the not-found page for either. */
  get notFound(): boolean {
    return this.status === 404 || this.status === 403;
  }
}

export const CSRF_COOKIE = 'obolus_csrf';
export const CSRF_HEADER = 'x-csrf-token';

function csrfToken(): string {
  const match = document.cookie.split('; ').find((part) => part.startsWith(`${CSRF_COOKIE}=`));
  return match ? decodeURIComponent(match.slice(CSRF_COOKIE.length + 1)) : '';
}

async function refusal(response: Response): Promise<ApiError> {
  const text = await response.text();
  try {
    const body = JSON.parse(text) as { code?: string; message?: string; fields?: FieldError[] };
    return new ApiError(response.status, body.code ?? `HTTP_${response.status}`, body.message ?? text, body.fields ?? []);
  } catch {
    return new ApiError(response.status, `HTTP_${response.status}`, text || response.statusText);
  }
}

let refreshing: Promise<boolean> | undefined;

/** One refresh at a time, shared by every request that found its access token expired. */
function refreshSession(): Promise<boolean> {
  refreshing ??= fetch('/api/session/refresh', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { [CSRF_HEADER]: csrfToken() },
  })
    .then((response) => response.ok)
    .catch(() => false)
    .finally(() => (refreshing = undefined));
  return refreshing;
}

export interface RequestOptions {
  body?: unknown;
  headers?: Record<string, string>;
  /** A raw body (a file upload) instead of JSON. */
  raw?: BodyInit;
}

/** A request to the edge; `path` starts after `/api/` (e.g. `invoicing/accounts/…/invoices`). */
export async function request(method: string, path: string, options: RequestOptions = {}, retried = false): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (method !== 'GET' && method !== 'HEAD') headers[CSRF_HEADER] = csrfToken();
  let body: BodyInit | undefined = options.raw;
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  const response = await fetch(`/api/${path}`, { method, headers, body, credentials: 'same-origin' });
  if (response.status === 401 && !retried && !path.startsWith('session') && (await refreshSession())) {
    return request(method, path, options, true);
  }
  if (!response.ok) throw await refusal(response);
  return response;
}

export async function api<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const response = await request(method, path, options);
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  return (type.includes('json') ? await response.json() : await response.text()) as T;
}

export const get = <T>(path: string) => api<T>('GET', path);
export const post = <T>(path: string, body?: unknown, headers?: Record<string, string>) =>
  api<T>('POST', path, { body: body ?? {}, headers });
export const put = <T>(path: string, body: unknown) => api<T>('PUT', path, { body });
export const patch = <T>(path: string, body: unknown) => api<T>('PATCH', path, { body });
export const del = <T>(path: string) => api<T>('DELETE', path);

/** A same-origin download URL for an `<a href download>`: the edge adds the session, the browser saves the file. */
export function downloadUrl(path: string): string {
  return `/api/${path}`;
}

/** A fresh idempotency key for one user action (a double click sends the same key twice). */
export function idempotencyKey(): string {
  return crypto.randomUUID();
}
