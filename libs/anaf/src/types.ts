/** Where ANAF is and who we are to it: the only things that differ between the sandbox, test and production. */
export interface AnafClientSettings {
  /** The OAuth base, e.g. https://logincert.anaf.ro/anaf-oauth2/v1 */
  oauthUrl: string;
  /** The e-Factura base, e.g. https://api.anaf.ro/test/FCTEL/rest */
  apiUrl: string;
  /** Where validare and transformare are served (webservicesp.anaf.ro/prod/FCTEL/rest); apiUrl when absent. */
  publicApiUrl?: string;
  clientId: string;
  clientSecret: string;
  /** The exact callback registered with the application in SPV. */
  redirectUri: string;
  /** The most a call may take, body included; 30 s when absent. */
  timeoutMs?: number;
  /** The fetch to use (tests may wrap it). */
  fetch?: typeof fetch;
}

/** A token answer. ANAF rotates the refresh token on every refresh: both must be saved. */
export interface AnafTokens {
  accessToken: string;
  refreshToken: string;
  tokenType: string;
  /** Seconds the access token lives from now (90 days at ANAF). */
  expiresInSeconds: number;
}

/** `UBL` for invoices, `CN` for credit notes (CII and RASP are ANAF's other two). */
export type UploadStandard = 'UBL' | 'CN' | 'CII' | 'RASP';

export interface UploadRequest {
  standard: UploadStandard;
  /** The uploader's CUI, digits only (no RO). */
  cif: string;
  xml: string;
  /** The buyer is outside Romania. */
  extern?: boolean;
  /** The buyer issues the invoice on the seller's behalf. */
  autofactura?: boolean;
  /** Issued by an enforcement officer. */
  executare?: boolean;
}

/** ANAF's answer to an upload: an index to poll, or the reasons it refused the file at once. */
export type UploadResult =
  | { accepted: true; uploadIndex: string; dateResponse: string }
  | { accepted: false; errors: string[]; dateResponse?: string };

/**
 * stareMesaj: `processing` (poll again), `ok` / `nok` with the download id of the signed answer,
 * `not-taken` ("XML cu erori nepreluat de sistem"), or `query-error` (unknown index, over the
 * per-message daily limit: nothing is known about the document).
 */
export type StatusResult =
  | { state: 'processing' }
  | { state: 'ok'; downloadId: string }
  | { state: 'nok'; downloadId: string }
  | { state: 'not-taken' }
  | { state: 'query-error'; errors: string[] };

/** E errors, T sent, P received, R buyer messages. */
export type MessageFilter = 'E' | 'T' | 'P' | 'R';

/** One message of the lists, as ANAF gives it (every field a string). */
export interface AnafMessage {
  /** yyyyMMddHHmm, Romanian local time. */
  dataCreare: string;
  cif: string;
  /** The upload index. */
  idSolicitare: string;
  detalii: string;
  tip: string;
  /** The download id. */
  id: string;
}

/** A list, or ANAF's `eroare` (which is also how an empty list comes). */
export type MessageList = { messages: AnafMessage[]; error?: undefined } | { messages: []; error: string };

export interface MessagePage {
  messages: AnafMessage[];
  /** The error text when ANAF answered one (an empty window is one). */
  error?: string;
  totalPages: number;
  totalMessages: number;
}

export interface ListRequest {
  cif: string;
  /** 1 to 60. */
  zile: number;
  filtru?: MessageFilter;
}

export interface PageRequest {
  cif: string;
  /** Epoch milliseconds. */
  startTime: number;
  endTime: number;
  /** From 1. */
  pagina: number;
  filtru?: MessageFilter;
}

/** descarcare: the ZIP as ANAF sent it, or its refusal (`expired` after the 60 days it keeps messages). */
export type DownloadResult = { zip: Buffer } | { error: string; expired: boolean };

/** FACT1 for invoices, FCN for credit notes. */
export type ValidationStandard = 'FACT1' | 'FCN';

export interface ValidationResult {
  valid: boolean;
  messages: string[];
  traceId?: string;
}
