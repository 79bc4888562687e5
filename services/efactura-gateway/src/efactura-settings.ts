/** Where the portal answers (PORTAL_URL): ANAF's redirect sends a person's browser back there; unset answers JSON only. */
export const PORTAL_URL = Symbol('PORTAL_URL');

/** The gateway's timings, taken from the configuration. */
export const EFACTURA_SETTINGS = Symbol('EFACTURA_SETTINGS');

export interface EfacturaSettings {
  /** An access token closer than this to its expiry is refreshed before use. */
  refreshBeforeExpiryMs: number;
  /** The wait before the first stareMesaj of an upload; later polls back off from it. */
  statusPollMs: number;
  /** The certificates (PEM) ANAF's archive signatures must chain to; none checks only integrity. */
  trustedSigners: string[];
  /** How often each authorised CUI's received invoices are listed. */
  incomingPollMs: number;
  /** How far short of now each listing window ends (clock skew). */
  incomingLagMs: number;
}

/** Each PEM certificate in a configuration value. */
export function pemCertificates(text: string): string[] {
  return text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
}
