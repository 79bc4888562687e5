/**
 * The VIES REST API (European Commission, "VIES on the Web" public REST service,
 * https://ec.europa.eu/taxation_customs/vies/rest-api, swagger_publicVAT.yaml), as far as Obolus uses it.
 * The sandbox speaks exactly this, so the client is tested against the same contract.
 */
export const VIES_BASE_PATH = '/taxation_customs/vies/rest-api';
export const VIES_PRODUCTION_URL = `https://ec.europa.eu${VIES_BASE_PATH}`;
/**
 * The API base a client needs from a configured VIES URL: a bare origin (http://127.0.0.1:4602, as the
 * local stack passes it) gets the REST API's path; a URL with a path is taken as the base itself.
 */
export function viesApiBaseUrl(configured: string): string {
  const url = new URL(configured);
  const path = url.pathname.replace(/\/+$/, '');
  return `${url.origin}${path === '' ? VIES_BASE_PATH : path}`;
}

export const CHECK_VAT_NUMBER_PATH = '/check-vat-number';
export const CHECK_STATUS_PATH = '/check-status';

/** POST {base}/check-vat-number */
export interface ViesCheckVatRequest {
  countryCode: string;
  vatNumber: string;
  /** The requester's own VAT number: VIES then returns a consultation number (requestIdentifier). */
  requesterMemberStateId?: string;
  requesterNumber?: string;
}

/** 200 answer with a verdict. name and address are "---" when the member state does not disclose them. */
export interface ViesCheckVatResponse {
  countryCode: string;
  vatNumber: string;
  requestDate: string;
  valid: boolean;
  requestIdentifier: string;
  name: string;
  address: string;
  traderName?: string;
  traderStreet?: string;
  traderPostalCode?: string;
  traderCity?: string;
  traderCompanyType?: string;
  traderNameMatch?: string;
  traderStreetMatch?: string;
  traderPostalCodeMatch?: string;
  traderCityMatch?: string;
  traderCompanyTypeMatch?: string;
}

/** Error codes VIES puts in errorWrappers (also the SOAP faults of the checkVat service). */
export type ViesErrorCode =
  | 'INVALID_INPUT'
  | 'INVALID_REQUESTER_INFO'
  | 'SERVICE_UNAVAILABLE'
  | 'MS_UNAVAILABLE'
  | 'TIMEOUT'
  | 'VAT_BLOCKED'
  | 'IP_BLOCKED'
  | 'GLOBAL_MAX_CONCURRENT_REQ'
  | 'GLOBAL_MAX_CONCURRENT_REQ_TIME'
  | 'MS_MAX_CONCURRENT_REQ'
  | 'MS_MAX_CONCURRENT_REQ_TIME'
  | 'SERVER_BUSY';

/** Error answer, sent with 200 or with an HTTP error status. */
export interface ViesErrorResponse {
  actionSucceed: false;
  errorWrappers: { error: ViesErrorCode | string; message?: string }[];
}

/** GET {base}/check-status */
export interface ViesStatusResponse {
  vow: { available: boolean };
  countries: { countryCode: string; availability: 'Available' | 'Unavailable' | 'Monitoring Disabled' }[];
}
