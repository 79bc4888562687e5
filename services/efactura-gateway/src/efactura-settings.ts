/** The gateway's timings, taken from the configuration. */
export const EFACTURA_SETTINGS = Symbol('EFACTURA_SETTINGS');

export interface EfacturaSettings {
  /** An access token closer than this to its expiry is refreshed before use. */
  refreshBeforeExpiryMs: number;
  /** The wait before the first stareMesaj of an upload; later polls back off from it. */
  statusPollMs: number;
}
