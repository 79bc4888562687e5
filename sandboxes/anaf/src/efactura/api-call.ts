import type { RequestBody } from '../http';
import type { Grant } from '../oauth/authorization-server';

/** An authenticated call to the e-Factura API, as a route sees it. */
export interface ApiCall {
  path: string;
  query: URLSearchParams;
  body: RequestBody;
  grant: Grant;
  now: number;
}

/** Whether the certificate holder behind the token has SPV rights for this CUI. */
export function mayActFor(grant: Grant, cif: string): boolean {
  return grant.cifs === undefined || grant.cifs.includes(cif);
}

/** A whole number as ANAF's parameters take it, or undefined. */
export function wholeNumber(value: string): number | undefined {
  return /^\d{1,15}$/.test(value) ? Number(value) : undefined;
}
