export interface ErrorField {
  field: string;
  reason: string;
}

export type CalendarErrorCode =
  | 'INVALID_DATE'
  | 'INVALID_TIME_ZONE'
  | 'INVALID_INSTANT'
  | 'INVALID_ARGUMENT'
  | 'YEAR_NOT_SUPPORTED';

export class CalendarError extends Error {
  override readonly name = 'CalendarError';

  constructor(
    readonly code: CalendarErrorCode,
    message: string,
    readonly fields: ErrorField[] = [],
  ) {
    super(message);
  }
}
