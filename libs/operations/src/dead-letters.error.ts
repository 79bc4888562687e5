import { DomainError, ErrorKind, FieldProblem } from '@obolus/platform';

export type DeadLettersErrorCode = 'DEAD_LETTER_NOT_FOUND' | 'UNKNOWN_TOPIC';

/** A refusal of the staff dead-letter routes. */
export class DeadLettersError extends DomainError<DeadLettersErrorCode> {
  constructor(code: DeadLettersErrorCode, message: string, fields: FieldProblem[] = [], kind: ErrorKind = 'not-found') {
    super(code, message, fields, kind);
  }
}
