export * from './calendar-error';
export * from './calendar-date';
export * from './local-date';
export * from './billing-cycles';
export * from './prepaid-periods';
export * from './proration-days';
export * from './orthodox-easter';
export * from './romanian-holidays';
export * from './efactura-deadline';
export { calendarCommand } from './calendar-command';
// Shared with @obolus/vat's command so both parse arguments the same way.
export { parseCommandArgs, requiredFlag, parseInteger, UsageError, EXIT_OK, EXIT_USAGE } from './cli-args';
export type { CommandIo } from './cli-args';
