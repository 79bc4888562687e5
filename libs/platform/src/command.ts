import { describeProblems, DomainError, FieldProblem, isEmailAddress, isUuid, singleLineTextProblem } from '@obolus/contracts';

/**
 * A command refused when it was created: a use case never runs on one that breaks its rules, whether
 * HTTP, a consumer, a schedule or a spec built it. At the HTTP edge the DTO has already refused the
 * same values with the same field names; from a consumer it dead-letters (a permanent refusal).
 */
export class InvalidCommandError extends DomainError<'INVALID_COMMAND'> {
  constructor(command: string, fields: FieldProblem[]) {
    super('INVALID_COMMAND', `${command} refused: ${describeProblems(fields)}`, fields, 'invalid');
  }
}

type Key<T> = keyof T & string;

/**
 * The checks of a command's fields, collected so that every problem is named at once:
 *
 *     static create(input: PurchaseInput): PurchaseCommand {
 *       return new PurchaseCommand(checkCommand('purchase', input).uuid('accountId').oneOf('term', TERMS).valid());
 *     }
 */
export class CommandChecks<T extends object> {
  private readonly problems: FieldProblem[] = [];

  constructor(
    private readonly command: string,
    private readonly input: T,
  ) {}

  /** A custom rule: `ok` false adds the reason for the field. */
  that(field: string, ok: boolean, reason: string): this {
    if (!ok) this.problems.push({ field, reason });
    return this;
  }

  uuid(field: Key<T>): this {
    return this.that(field, isUuid(this.value(field)), 'must be a UUID');
  }

  /** A UUID, or absent. */
  optionalUuid(field: Key<T>): this {
    return this.value(field) === undefined || this.value(field) === null ? this : this.uuid(field);
  }

  email(field: Key<T>): this {
    return this.that(field, isEmailAddress(this.value(field)), 'must be an e-mail address');
  }

  /** One line of visible text, at most `maxLength` characters. */
  text(field: Key<T>, maxLength?: number): this {
    const problem = singleLineTextProblem(this.value(field), maxLength);
    return problem ? this.that(field, false, problem) : this;
  }

  /** A non-empty string (tokens, secrets, opaque references), at most `maxLength` characters. */
  string(field: Key<T>, maxLength = 4096): this {
    const value = this.value(field);
    return this.that(
      field,
      typeof value === 'string' && value.length > 0 && value.length <= maxLength,
      `must be a non-empty string of at most ${maxLength} characters`,
    );
  }

  integer(field: Key<T>, min: number, max: number = Number.MAX_SAFE_INTEGER): this {
    const value = this.value(field);
    return this.that(
      field,
      Number.isSafeInteger(value) && (value as number) >= min && (value as number) <= max,
      `must be an integer from ${min} to ${max}`,
    );
  }

  oneOf(field: Key<T>, allowed: readonly unknown[]): this {
    return this.that(field, allowed.includes(this.value(field)), `must be one of ${allowed.join(', ')}`);
  }

  /** A calendar date, YYYY-MM-DD. */
  isoDate(field: Key<T>): this {
    const value = this.value(field);
    return this.that(field, typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value), 'must be a date, YYYY-MM-DD');
  }

  /** An instant: a Date, or an ISO 8601 date-time string. */
  instant(field: Key<T>): this {
    const value = this.value(field);
    const time = value instanceof Date ? value.getTime() : typeof value === 'string' ? Date.parse(value) : NaN;
    return this.that(field, Number.isFinite(time), 'must be an instant (ISO 8601)');
  }

  /** The input, frozen; throws InvalidCommandError naming every field at fault. */
  valid(): Readonly<T> {
    if (this.problems.length) throw new InvalidCommandError(this.command, this.problems);
    return Object.freeze({ ...this.input });
  }

  private value(field: Key<T>): unknown {
    return this.input[field];
  }
}

export function checkCommand<T extends object>(command: string, input: T): CommandChecks<T> {
  return new CommandChecks(command, input);
}
