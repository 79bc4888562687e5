import { crc32 } from './crc32';
import type { TransmissionHeaders } from './types';

/** Node's IncomingHttpHeaders, a fetch `Headers`, or a plain record with any header-name case. */
export type HeaderSource =
  | { get(name: string): string | null }
  | Readonly<Record<string, string | readonly string[] | undefined>>;

function read(headers: HeaderSource, name: string): string | undefined {
  if (typeof headers.get === 'function') return (headers as { get(name: string): string | null }).get(name) ?? undefined;
  const record = headers as Readonly<Record<string, string | readonly string[] | undefined>>;
  const key = Object.keys(record).find((k) => k.toLowerCase() === name);
  const value = key === undefined ? undefined : record[key];
  return Array.isArray(value) ? value[0] : (value as string | undefined);
}

/** The transmission headers of a webhook request, or undefined when one is missing (not sent by PayPal). */
export function transmissionHeaders(headers: HeaderSource): TransmissionHeaders | undefined {
  const found = {
    transmissionId: read(headers, 'paypal-transmission-id'),
    transmissionTime: read(headers, 'paypal-transmission-time'),
    transmissionSig: read(headers, 'paypal-transmission-sig'),
    certUrl: read(headers, 'paypal-cert-url'),
    authAlgo: read(headers, 'paypal-auth-algo'),
  };
  return Object.values(found).every((v) => typeof v === 'string' && v !== '') ? (found as TransmissionHeaders) : undefined;
}

/**
 * What PayPal signs for a webhook: `<transmission id>|<transmission time>|<webhook id>|<CRC-32 of the raw body,
 * in decimal>`, with SHA256withRSA under the key of the certificate at `paypal-cert-url`.
 */
export function signedTransmissionText(
  transmissionId: string,
  transmissionTime: string,
  webhookId: string,
  rawBody: string | Uint8Array,
): string {
  return `${transmissionId}|${transmissionTime}|${webhookId}|${crc32(rawBody)}`;
}
