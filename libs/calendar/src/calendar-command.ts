import { isBillingTerm, nextCycleStart } from './billing-cycles';
import { addMonths, parseIsoDate } from './calendar-date';
import { CalendarError } from './calendar-error';
import {
  CommandIo,
  describeError,
  EXIT_OK,
  EXIT_USAGE,
  parseCommandArgs,
  parseInteger,
  requiredFlag,
  UsageError,
} from './cli-args';
import { efacturaDeadline } from './efactura-deadline';
import { calendarDateInZone } from './local-date';
import { extendPrepaidExpiry, isPrepaidMonths } from './prepaid-periods';
import { isRomanianWorkingDay, romanianPublicHolidays } from './romanian-holidays';

const USAGE = [
  'usage: obolus calendar <command>',
  '  efactura-deadline <issue-date>                      last day for the XML to reach ANAF',
  '  add-months <date> <months>                          month arithmetic, clamped to month end',
  '  next-cycle --anchor <date> --term monthly|annual [--after <date>]',
  '  extend-prepaid --paid-on <date> --months 1|6|12 [--expiry <date>]',
  '  holidays <year>                                     Romanian public holidays (JSON)',
  '  working-day <date>                                  true or false, Romania',
  '  local-date <instant> --time-zone <IANA zone>        calendar date of an instant in a zone',
].join('\n');

function date(text: string | undefined, what: string): string {
  if (text === undefined) throw new UsageError(`missing ${what}`);
  parseIsoDate(text, what);
  return text;
}

function exactly(positional: string[], count: number): void {
  if (positional.length !== count) throw new UsageError(`expected ${count} argument(s), got ${positional.length}`);
}

type Subcommand = (args: string[]) => string;

const SUBCOMMANDS: Record<string, Subcommand> = {
  'efactura-deadline': (args) => {
    const { positional } = parseCommandArgs(args, []);
    exactly(positional, 1);
    return efacturaDeadline(date(positional[0], 'issue date'));
  },
  'add-months': (args) => {
    const { positional } = parseCommandArgs(args, []);
    exactly(positional, 2);
    return addMonths(date(positional[0], 'date'), parseInteger(positional[1], 'months'));
  },
  'next-cycle': (args) => {
    const { flags, positional } = parseCommandArgs(args, ['anchor', 'term', 'after']);
    exactly(positional, 0);
    const anchor = date(requiredFlag(flags, 'anchor'), 'anchor');
    const term = requiredFlag(flags, 'term');
    if (!isBillingTerm(term)) throw new UsageError(`--term must be monthly or annual, got '${term}'`);
    const after = flags.has('after') ? date(flags.get('after'), 'after') : anchor;
    return nextCycleStart(anchor, term, after);
  },
  'extend-prepaid': (args) => {
    const { flags, positional } = parseCommandArgs(args, ['expiry', 'paid-on', 'months']);
    exactly(positional, 0);
    const months = parseInteger(requiredFlag(flags, 'months'), 'months');
    if (!isPrepaidMonths(months)) throw new UsageError(`--months must be 1, 6 or 12, got ${months}`);
    return extendPrepaidExpiry({
      currentExpiry: flags.has('expiry') ? date(flags.get('expiry'), 'expiry') : null,
      paidOn: date(requiredFlag(flags, 'paid-on'), 'paid-on'),
      months,
    });
  },
  holidays: (args) => {
    const { positional } = parseCommandArgs(args, []);
    exactly(positional, 1);
    return JSON.stringify(romanianPublicHolidays(parseInteger(positional[0], 'year')), null, 2);
  },
  'working-day': (args) => {
    const { positional } = parseCommandArgs(args, []);
    exactly(positional, 1);
    return String(isRomanianWorkingDay(date(positional[0], 'date')));
  },
  'local-date': (args) => {
    const { flags, positional } = parseCommandArgs(args, ['time-zone']);
    exactly(positional, 1);
    return calendarDateInZone(positional[0], requiredFlag(flags, 'time-zone'));
  },
};

/** `obolus calendar …`: prints one result on stdout; bad arguments give one line on stderr and exit 2. */
export async function calendarCommand(args: string[], io: CommandIo): Promise<number> {
  const [name, ...rest] = args;
  const run = name === undefined ? undefined : SUBCOMMANDS[name];
  if (name === 'help' || name === '--help') {
    io.out.write(`${USAGE}\n`);
    return EXIT_OK;
  }
  if (!run) {
    io.err.write(`obolus calendar: unknown command '${name ?? ''}'; expected one of: ${Object.keys(SUBCOMMANDS).join(', ')}\n`);
    return EXIT_USAGE;
  }
  try {
    io.out.write(`${run(rest)}\n`);
    return EXIT_OK;
  } catch (error) {
    if (error instanceof UsageError || error instanceof CalendarError) {
      io.err.write(`obolus calendar ${name}: ${describeError(error)}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}
