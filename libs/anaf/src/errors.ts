/**
 * Why a call to ANAF gave no answer to act on. A rejection of a document is never one of these: it is
 * a result (`UploadResult`, `StatusResult`). These say only that the call itself did not work.
 *
 * - `unavailable`: timeout, connection failure, 5xx, 429, or a body that is not ANAF's answer (a proxy
 *   page): retry later, the document's fate is unknown.
 * - `unauthorized`: 403 from the API, or `invalid_grant` / `invalid_client` from the token endpoint:
 *   the authorisation must be renewed with the certificate; retrying will not help.
 * - `bad-request`: ANAF refused the request itself (400, a missing parameter): a bug on our side.
 */
export type AnafFailureKind = 'unavailable' | 'unauthorized' | 'bad-request';

export class AnafCallError extends Error {
  override readonly name = 'AnafCallError';

  constructor(
    readonly kind: AnafFailureKind,
    message: string,
    /** The HTTP status, when there was one. */
    readonly status?: number,
    /** For a 429 with Retry-After: how long ANAF asked us to wait. */
    readonly retryAfterMs?: number,
    /** The OAuth `error` code of a token refusal (invalid_grant, invalid_client, invalid_request). */
    readonly oauthError?: string,
  ) {
    super(message);
  }

  /** Whether the same call may work later without anything changed on our side. */
  get retryable(): boolean {
    return this.kind === 'unavailable';
  }
}
