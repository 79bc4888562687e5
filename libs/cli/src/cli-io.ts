/** Where a command writes. Commands never touch process.stdout directly, so they can be tested. */
export interface CliIo {
  out: { write(text: string): unknown };
  err: { write(text: string): unknown };
}

/** A command group (`obolus ubl ...`): takes the words after its name, returns the exit code. */
export type CliCommandGroup = (args: string[], io: CliIo) => Promise<number>;

/** Exit code for bad arguments, as the usage convention of most Unix tools. */
export const EXIT_USAGE = 2;
