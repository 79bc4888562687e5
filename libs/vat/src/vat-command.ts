import { CalendarError, CommandIo, EXIT_OK, EXIT_USAGE, parseCommandArgs, requiredFlag, UsageError } from '@obolus/calendar';
import { MoneyError } from '@obolus/money';
import { isEuMemberState, normaliseCountry } from './eu-countries';
import { BuyerType, quoteVat } from './quote-vat';
import { standardRate } from './rates/standard-rate';
import { VatError } from './vat-error';
import { checkVatNumberFormat } from './vat-number/vat-number-format';
import { VIES_PRODUCTION_URL } from './vies/vies-contract';
import { ViesClient } from './vies/vies-client';

function parseBoolean(text: string, flag: string): boolean {
  if (text === 'true') return true;
  if (text === 'false') return false;
  throw new UsageError(`--${flag} must be true or false, got '${text}'`);
}

function noPositional(positional: string[]): void {
  if (positional.length > 0) throw new UsageError(`unexpected argument '${positional[0]}'`);
}

function json(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

type Subcommand = (args: string[]) => Promise<string>;

const SUBCOMMANDS: Record<string, Subcommand> = {
  quote: async (args) => {
    const { flags, positional } = parseCommandArgs(args, [
      'seller-country',
      'buyer-country',
      'buyer-type',
      'vat-id-verified',
      'date',
    ]);
    noPositional(positional);
    const buyerType = flags.get('buyer-type');
    if (buyerType !== undefined && buyerType !== 'business' && buyerType !== 'individual') {
      throw new UsageError(`--buyer-type must be business or individual, got '${buyerType}'`);
    }
    return json(
      quoteVat({
        sellerCountry: requiredFlag(flags, 'seller-country'),
        buyerCountry: requiredFlag(flags, 'buyer-country'),
        buyerType: buyerType as BuyerType | undefined,
        vatIdVerified: flags.has('vat-id-verified')
          ? parseBoolean(requiredFlag(flags, 'vat-id-verified'), 'vat-id-verified')
          : false,
        taxPointDate: requiredFlag(flags, 'date'),
      }),
    );
  },
  rate: async (args) => {
    const { flags, positional } = parseCommandArgs(args, ['country', 'date']);
    noPositional(positional);
    const country = normaliseCountry(requiredFlag(flags, 'country'), 'country');
    if (!isEuMemberState(country)) throw new UsageError(`${country} is not an EU member state`);
    return json(standardRate(country, requiredFlag(flags, 'date')));
  },
  'check-number': async (args) => {
    const { flags, positional } = parseCommandArgs(args, ['country']);
    if (positional.length !== 1) throw new UsageError('expected one VAT number');
    return json(checkVatNumberFormat(positional[0], flags.get('country')));
  },
  'vies-check': async (args) => {
    const { flags, positional } = parseCommandArgs(args, ['country', 'vies-url', 'timeout-ms']);
    if (positional.length !== 1) throw new UsageError('expected one VAT number');
    const timeoutMs = Number(flags.get('timeout-ms') ?? 10_000);
    if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) throw new UsageError('--timeout-ms must be a positive integer');
    const client = new ViesClient({
      baseUrl: flags.get('vies-url') ?? process.env.VIES_BASE_URL ?? VIES_PRODUCTION_URL,
      timeoutMs,
    });
    return json(await client.checkVatNumber(positional[0], flags.get('country')));
  },
};

/** `obolus vat …`: prints JSON on stdout; bad arguments give one line on stderr and exit 2. */
export async function vatCommand(args: string[], io: CommandIo): Promise<number> {
  const [name, ...rest] = args;
  const run = name === undefined ? undefined : SUBCOMMANDS[name];
  if (!run) {
    io.err.write(`obolus vat: unknown command '${name ?? ''}'; expected one of: ${Object.keys(SUBCOMMANDS).join(', ')}\n`);
    return EXIT_USAGE;
  }
  try {
    io.out.write(`${await run(rest)}\n`);
    return EXIT_OK;
  } catch (error) {
    if (
      error instanceof UsageError ||
      error instanceof VatError ||
      error instanceof CalendarError ||
      error instanceof MoneyError
    ) {
      io.err.write(`obolus vat ${name}: ${error.message}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}
