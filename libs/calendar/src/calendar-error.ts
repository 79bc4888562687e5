import { DomainError, FieldProblem } from '@obolus/contracts';

export type CalendarErrorCode =
  | 'INVALID_DATE'
  | 'INVALID_TIME_ZONE'
  | 'INVALID_INSTANT'
  | 'INVALID_ARGUMENT'
  | 'YEAR_NOT_SUPPORTED';

/** Raised for a date, time zone or instant that is not one. */
export class CalendarError extends DomainError<CalendarErrorCode> {
  constructor(code: CalendarErrorCode, message: string, fields: FieldProblem[] = []) {
    super(code, message, fields, 'invalid');
  }
}
