/** One field-level reason: which field of the request or command, and why it was refused. */
export interface FieldProblem {
  field: string;
  reason: string;
  /** The EN 16931 or CIUS-RO rule the problem would break, when there is one. */
  ruleId?: string;
}

/**
 * What kind of refusal an error is, independent of how it travels: the HTTP filter turns it into a
 * status, an event consumer into "retry" (`unavailable`) or "dead-letter at once" (every other kind).
 */
export type ErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'unprocessable'
  | 'too-large'
  | 'unsupported-media-type'
  | 'throttled'
  | 'unavailable';

/** The `{ code, message, fields? }` every Obolus API answers with when it refuses. */
export interface ErrorBody {
  code: string;
  message: string;
  fields?: FieldProblem[];
}

/**
 * The one base of every refusal in Obolus. Each service and each domain library has one subclass with
 * its own code enum; nothing throws a bare code string. It lives in the contracts library, beneath
 * everything, so pure domain libraries (money, VAT, calendar, UBL) share it without depending on the
 * NestJS platform; `@obolus/platform` re-exports it and maps it to HTTP.
 */
export abstract class DomainError<Code extends string = string> extends Error {
  /** Seconds after which a `throttled` or `unavailable` request may be tried again. */
  retryAfterSeconds?: number;

  /**
   * The refusal keeps what the work wrote before it (a counted sign-in failure, its audit row): the unit
   * of work commits, then the refusal is answered. Without it a refusal rolls everything back.
   */
  commitsWork = false;

  protected constructor(
    readonly code: Code,
    message: string,
    readonly fields: FieldProblem[] = [],
    readonly kind: ErrorKind = 'invalid',
  ) {
    super(message);
    this.name = new.target.name;
  }

  /** Marks this refusal as one whose recorded work commits (see `commitsWork`). */
  committingWork(): this {
    this.commitsWork = true;
    return this;
  }

  toBody(): ErrorBody {
    return { code: this.code, message: this.message, ...(this.fields.length ? { fields: this.fields } : {}) };
  }
}

/** `field reason; field reason`, the message of an error that lists its fields. */
export function describeProblems(fields: readonly FieldProblem[]): string {
  return fields.map((f) => `${f.field} ${f.reason}`).join('; ');
}
