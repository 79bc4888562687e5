import { CliCommandGroup, CliIo, EXIT_USAGE } from './cli-io';
import { commandGroups } from './command-groups';

export async function runCli(args: string[], io: CliIo): Promise<number> {
  const [group, ...rest] = args;
  const run: CliCommandGroup | undefined = group ? commandGroups[group] : undefined;
  if (!run) {
    io.err.write(`obolus: unknown command '${group ?? ''}'; expected one of: ${Object.keys(commandGroups).join(', ')}\n`);
    return EXIT_USAGE;
  }
  return run(rest, io);
}
