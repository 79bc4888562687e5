import { CalendarError } from './calendar-error';

/** Structural copy of the CLI's io, so this library does not depend on @obolus/cli. */
export interface CommandIo {
  out: { write(text: string): unknown };
  err: { write(text: string): unknown };
}

export const EXIT_OK = 0;
export const EXIT_USAGE = 2;

export class UsageError extends Error {}

/** Splits `--name value` pairs from positional words; refuses unknown or valueless flags. */
export function parseCommandArgs(
  args: string[],
  allowedFlags: readonly string[],
): { flags: Map<string, string>; positional: string[] } {
  const flags = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const word = args[i];
    if (!word.startsWith('--')) {
      positional.push(word);
      continue;
    }
    const [name, inlineValue] = word.slice(2).split(/=(.*)/s, 2);
    if (!allowedFlags.includes(name)) throw new UsageError(`unknown option --${name}`);
    const value = inlineValue ?? args[++i];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`option --${name} needs a value`);
    flags.set(name, value);
  }
  return { flags, positional };
}

export function requiredFlag(flags: Map<string, string>, name: string): string {
  const value = flags.get(name);
  if (value === undefined) throw new UsageError(`missing --${name}`);
  return value;
}

export function parseInteger(text: string, what: string): number {
  if (!/^-?\d+$/.test(text) || !Number.isSafeInteger(Number(text)))
    throw new UsageError(`${what} must be an integer, got '${text}'`);
  return Number(text);
}

export function describeError(error: unknown): string {
  if (error instanceof UsageError || error instanceof CalendarError) return error.message;
  return error instanceof Error ? error.message : String(error);
}
