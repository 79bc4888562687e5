import type { AnafSandbox } from '../sandbox';
import { DEFAULT_CLIENT, type DocumentValidator } from '../options';

export const CLIENT = DEFAULT_CLIENT;
export const REDIRECT_URI = DEFAULT_CLIENT.redirectUris[0];

export function basic(clientId = CLIENT.clientId, secret = CLIENT.clientSecret): string {
  return `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}`;
}

export async function tokenRequest(
  sandbox: AnafSandbox,
  form: Record<string, string>,
  authorization = basic(),
): Promise<Response> {
  return fetch(`${sandbox.url}/anaf-oauth2/v1/token`, {
    method: 'POST',
    headers: { Authorization: authorization, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
}

export interface Tokens {
  access_token: string;
  refresh_token: string;
  token_type: string;
  expires_in: number;
}

/** An access token through the test shortcut for the approve step, then the real token exchange. */
export async function authorise(sandbox: AnafSandbox, cifs?: string[]): Promise<Tokens> {
  const { code } = sandbox.approve({ clientId: CLIENT.clientId, redirectUri: REDIRECT_URI, cifs });
  const response = await tokenRequest(sandbox, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: REDIRECT_URI,
    token_content_type: 'jwt',
  });
  if (response.status !== 200) throw new Error(`token exchange failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as Tokens;
}

/** Calls the Bearer API at /test/FCTEL/rest. */
export function api(sandbox: AnafSandbox, token: string, pathAndQuery: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${sandbox.url}/test/FCTEL/rest/${pathAndQuery}`, {
    ...init,
    headers: { Authorization: `Bearer ${token}`, ...(init.headers as Record<string, string> | undefined) },
  });
}

export function uploadXml(
  sandbox: AnafSandbox,
  token: string,
  query: string,
  xml: string,
  endpoint = 'upload',
): Promise<Response> {
  return api(sandbox, token, `${endpoint}?${query}`, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: xml });
}

/** The value of an attribute in an XML answer (the sandbox's answers are one element deep). */
export function attribute(xml: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(xml)?.[1];
}

/** The index_incarcare of a successful upload answer. */
export async function uploadedIndex(response: Response): Promise<string> {
  const text = await response.text();
  const index = attribute(text, 'index_incarcare');
  if (!index) throw new Error(`upload refused: ${text}`);
  return index;
}

/** A listaMesaje* answer: messages, or an `eroare`. */
export interface ListAnswer {
  mesaje?: Record<string, string>[];
  eroare?: string;
  titlu: string;
  serial?: string;
  cui?: string;
  numar_inregistrari_in_pagina?: number;
  numar_total_inregistrari_per_pagina?: number;
  numar_total_inregistrari?: number;
  numar_total_pagini?: number;
  index_pagina_curenta?: number;
}

export async function listMessages(sandbox: AnafSandbox, token: string, pathAndQuery: string): Promise<ListAnswer> {
  const response = await api(sandbox, token, pathAndQuery);
  if (response.status !== 200) throw new Error(`list answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as ListAnswer;
}

/** A validare (or refused transformare) answer. */
export interface ValidationAnswer {
  stare: 'ok' | 'nok';
  trace_id: string;
  Messages?: { message: string }[];
}

/** A stand-in for the official rules where a test is about lists, limits or faults, not validation. */
export const acceptingValidator: DocumentValidator = {
  validate: () => Promise.resolve({ valid: true, findings: [] }),
};

export function control(sandbox: AnafSandbox, method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${sandbox.url}/_sandbox/${path}`, {
    method,
    headers: { 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}
