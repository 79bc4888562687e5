import { runCli } from './run-cli';

runCli(process.argv.slice(2), { out: process.stdout, err: process.stderr }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`obolus: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
