/** The error codes ANAF's token endpoint answers (contract section 1), always with HTTP 400. */
export type OAuthErrorCode = 'invalid_client' | 'invalid_grant' | 'invalid_request';

export class OAuthError extends Error {
  constructor(
    readonly error: OAuthErrorCode,
    readonly description: string,
  ) {
    super(description);
  }

  body(): { error: OAuthErrorCode; error_description: string } {
    return { error: this.error, error_description: this.description };
  }
}
