import { SANDBOX_FAULT_NUMBERS, SANDBOX_VALID_NUMBERS } from './sandbox-registry';
import { startViesSandbox } from './vies-sandbox';

// Local VIES stand-in for the stack: `node libs/vat/dist/vies/sandbox/main.js` (port from VIES_SANDBOX_PORT, default 4602).
async function main(): Promise<void> {
  const port = Number(process.env.VIES_SANDBOX_PORT ?? 4602);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`VIES_SANDBOX_PORT '${process.env.VIES_SANDBOX_PORT}' is not a port`);
  const slowDelayMs = Number(process.env.VIES_SANDBOX_SLOW_MS ?? 30_000);
  const sandbox = await startViesSandbox({ port, slowDelayMs });
  process.stdout.write(
    `${JSON.stringify({ msg: 'vies sandbox listening', url: sandbox.url, valid: Object.keys(SANDBOX_VALID_NUMBERS), faults: SANDBOX_FAULT_NUMBERS })}\n`,
  );
  const stop = () => void sandbox.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`vies sandbox: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
