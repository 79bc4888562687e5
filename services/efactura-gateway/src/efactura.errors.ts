import { DomainError, ErrorKind, FieldProblem } from '@obolus/platform';

export enum EfacturaErrorCode {
  DocumentNotFound = 'DOCUMENT_NOT_FOUND',
  ArchiveNotFound = 'ARCHIVE_NOT_FOUND',
  AuthorizationStateInvalid = 'AUTHORIZATION_STATE_INVALID',
  AuthorizationDenied = 'AUTHORIZATION_DENIED',
  NotAuthorized = 'NOT_AUTHORIZED',
  AnafUnavailable = 'ANAF_UNAVAILABLE',
  AnafRefusedRequest = 'ANAF_REFUSED_REQUEST',
  SubmissionNotHeld = 'SUBMISSION_NOT_HELD',
  SubmissionNotRetryable = 'SUBMISSION_NOT_RETRYABLE',
}

const kinds: Record<EfacturaErrorCode, ErrorKind> = {
  [EfacturaErrorCode.DocumentNotFound]: 'not-found',
  [EfacturaErrorCode.ArchiveNotFound]: 'not-found',
  [EfacturaErrorCode.AuthorizationStateInvalid]: 'invalid',
  [EfacturaErrorCode.AuthorizationDenied]: 'forbidden',
  // A missing or revoked authorisation holds the queue: jobs wait for the owner to connect again.
  [EfacturaErrorCode.NotAuthorized]: 'unavailable',
  [EfacturaErrorCode.AnafUnavailable]: 'unavailable',
  [EfacturaErrorCode.AnafRefusedRequest]: 'unprocessable',
  [EfacturaErrorCode.SubmissionNotHeld]: 'conflict',
  [EfacturaErrorCode.SubmissionNotRetryable]: 'conflict',
};

/** Every refusal of the e-Factura gateway, one code each. */
export class EfacturaError extends DomainError<EfacturaErrorCode> {
  private constructor(code: EfacturaErrorCode, message: string, fields: FieldProblem[] = []) {
    super(code, message, fields, kinds[code]);
  }

  static documentNotFound(): EfacturaError {
    return new EfacturaError(EfacturaErrorCode.DocumentNotFound, 'no e-Factura XML for this invoice');
  }

  static archiveNotFound(): EfacturaError {
    return new EfacturaError(EfacturaErrorCode.ArchiveNotFound, 'no ANAF answer archived for this invoice yet');
  }

  static authorizationStateInvalid(): EfacturaError {
    return new EfacturaError(
      EfacturaErrorCode.AuthorizationStateInvalid,
      'this authorisation link is unknown, used or expired: start again from Obolus',
      [{ field: 'state', reason: 'is unknown, used or expired' }],
    );
  }

  static authorizationDenied(reason: string): EfacturaError {
    return new EfacturaError(EfacturaErrorCode.AuthorizationDenied, `ANAF did not authorise Obolus: ${reason}`);
  }

  static notAuthorized(cif: string, why: string): EfacturaError {
    return new EfacturaError(EfacturaErrorCode.NotAuthorized, `no usable ANAF authorisation for CUI ${cif}: ${why}`);
  }

  static anafUnavailable(message: string): EfacturaError {
    return new EfacturaError(EfacturaErrorCode.AnafUnavailable, `ANAF is unavailable: ${message}`);
  }

  static anafRefusedRequest(message: string): EfacturaError {
    return new EfacturaError(EfacturaErrorCode.AnafRefusedRequest, `ANAF refused the request: ${message}`);
  }

  static submissionNotHeld(status: string): EfacturaError {
    return new EfacturaError(
      EfacturaErrorCode.SubmissionNotHeld,
      `this document is not waiting to be sent by hand: its submission is ${status}`,
      [{ field: 'status', reason: `is ${status}, not held` }],
    );
  }

  static submissionNotRetryable(status: string, why: string): EfacturaError {
    return new EfacturaError(
      EfacturaErrorCode.SubmissionNotRetryable,
      `only a rejected or failed submission can be retried: this one is ${status}${why ? ` (${why})` : ''}`,
      [{ field: 'status', reason: `is ${status}${why ? `, ${why}` : ''}; only rejected or failed submissions are retried` }],
    );
  }
}
