import { Inject, Injectable } from '@nestjs/common';
import { lookup as dnsLookup, LookupAddress } from 'node:dns';
import { request as httpRequest, IncomingMessage, RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { LookupFunction } from 'node:net';
import { checkWebhookUrl, firstNonPublic, UrlPolicy } from './address-policy';

export const WEBHOOK_SENDER_SETTINGS = Symbol('WEBHOOK_SENDER_SETTINGS');

export interface WebhookSenderSettings extends UrlPolicy {
  /** Until the TCP (and TLS) connection is up. */
  connectTimeoutMs: number;
  /** Until the whole response is read. */
  responseTimeoutMs: number;
}

/** The most of a response body read; the log keeps the first 4 KB of it. */
const MAX_BODY_READ_BYTES = 64 * 1024;
export const MAX_BODY_KEPT_BYTES = 4 * 1024;

/** What one POST gave: a status code, or why there was none. */
export interface SendOutcome {
  statusCode?: number;
  /** The first 4 KB of the response body, as text. */
  responseBody?: string;
  /** Why no status (refused address, timeout, connection error). */
  error?: string;
  durationMs: number;
}

/**
 * Sends one webhook POST, and nowhere a webhook must not go: the URL is checked again, every address
 * the host name resolves to is checked at connection time (so a name that changed to a private address
 * since registration is refused), redirects are not followed (a 3xx is a failure), connect and
 * response timeouts apply, and at most 64 KB of the answer is read.
 */
@Injectable()
export class WebhookSender {
  constructor(@Inject(WEBHOOK_SENDER_SETTINGS) private readonly settings: WebhookSenderSettings) {}

  async send(rawUrl: string, headers: Record<string, string>, body: string): Promise<SendOutcome> {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    const checked = checkWebhookUrl(rawUrl, this.settings);
    if ('refused' in checked) return { error: `refused: the URL ${checked.refused}`, durationMs: elapsed() };
    const { url } = checked;
    const options: RequestOptions = {
      method: 'POST',
      headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
      lookup: guardedLookup,
      timeout: this.settings.connectTimeoutMs,
      agent: false,
    };
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise<SendOutcome>((resolve) => {
      let settled = false;
      const finish = (outcome: Omit<SendOutcome, 'durationMs'>) => {
        if (settled) return;
        settled = true;
        clearTimeout(deadline);
        resolve({ ...outcome, durationMs: elapsed() });
      };
      const request = send(url, options, (response) => {
        readCapped(response).then(
          (text) => finish({ statusCode: response.statusCode, responseBody: text }),
          (error: Error) => finish({ statusCode: response.statusCode, error: `reading the response failed: ${error.message}` }),
        );
      });
      const deadline = setTimeout(() => {
        request.destroy(new Error(`no complete response within ${this.settings.responseTimeoutMs} ms`));
      }, this.settings.responseTimeoutMs);
      request.on('socket', (socket) => {
        socket.once('connect', () => request.setTimeout(0));
        socket.once('secureConnect', () => request.setTimeout(0));
      });
      request.on('timeout', () => request.destroy(new Error(`no connection within ${this.settings.connectTimeoutMs} ms`)));
      request.on('error', (error) => finish({ error: error.message }));
      request.end(body);
    });
  }
}

/** Resolves as the system does, then refuses the connection if any address is not public. */
const guardedLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, '', 0);
    const blocked = firstNonPublic(addresses.map((entry) => entry.address));
    if (blocked || addresses.length === 0) {
      const refusal = Object.assign(new Error(`refused: ${hostname} resolves to a non-public address (${blocked ?? 'none'})`), {
        code: 'EWEBHOOKADDRESS',
      });
      return callback(refusal, '', 0);
    }
    if ((options as { all?: boolean }).all) {
      return (callback as unknown as (error: null, addresses: LookupAddress[]) => void)(null, addresses);
    }
    callback(null, addresses[0]!.address, addresses[0]!.family);
  });
};

function readCapped(response: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    response.on('data', (chunk: Buffer) => {
      if (size >= MAX_BODY_READ_BYTES) return;
      chunks.push(chunk);
      size += chunk.length;
      if (size >= MAX_BODY_READ_BYTES) {
        // Enough: the rest is not read (the socket is not reused, agent: false).
        response.destroy();
        resolve(keptText(Buffer.concat(chunks)));
      }
    });
    response.on('end', () => resolve(keptText(Buffer.concat(chunks))));
    response.on('error', reject);
    response.on('close', () => resolve(keptText(Buffer.concat(chunks))));
  });
}

function keptText(bytes: Buffer): string {
  return bytes.subarray(0, MAX_BODY_KEPT_BYTES).toString('utf8');
}

/**
 * The registration check of a host name: every address it resolves to now must be public. A name
 * that does not resolve is refused too (nothing could be delivered to it).
 */
export async function resolvedAddressProblem(hostname: string): Promise<string | undefined> {
  const addresses = await new Promise<LookupAddress[]>((resolve) =>
    dnsLookup(hostname, { all: true }, (error, found) => resolve(error ? [] : found)),
  );
  if (addresses.length === 0) return `must name a host that resolves (${hostname} does not)`;
  const blocked = firstNonPublic(addresses.map((entry) => entry.address));
  return blocked ? `must not resolve to a private, loopback, link-local or reserved address (${hostname} is ${blocked})` : undefined;
}
