import { calendarCommand } from '@obolus/calendar';
import { dlqCommand } from '@obolus/messaging';
import { ublCommand } from '@obolus/ubl';
import { vatCommand } from '@obolus/vat';
import { CliCommandGroup } from './cli-io';

/**
 * Each domain library owns its own commands; this table only names them.
 * Libraries register here as they are built (ubl, vat, calendar, dlq).
 */
export const commandGroups: Record<string, CliCommandGroup> = {
  vat: vatCommand,
  calendar: calendarCommand,
  ubl: ublCommand,
  dlq: (args, io) => dlqCommand(args, io),
};
