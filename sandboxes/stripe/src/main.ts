import { startStripeSandbox } from './server';

function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function integer(value: string | undefined, fallback: number): number {
  return value === undefined || value === '' ? fallback : Number.parseInt(value, 10);
}

async function main(): Promise<void> {
  const sandbox = await startStripeSandbox({
    port: integer(process.env.STRIPE_SANDBOX_PORT, 4601),
    host: process.env.STRIPE_SANDBOX_HOST ?? '127.0.0.1',
    webhookUrls: list(process.env.STRIPE_SANDBOX_WEBHOOK_URLS),
    webhookSecret: process.env.STRIPE_SANDBOX_WEBHOOK_SECRET || 'whsec_obolus_sandbox',
    asyncDelayMs: integer(process.env.STRIPE_SANDBOX_ASYNC_DELAY_MS, 2000),
  });
  process.stdout.write(`${JSON.stringify({ sandbox: 'stripe', url: sandbox.url, port: sandbox.port })}\n`);
  const stop = (): void => void sandbox.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${JSON.stringify({ sandbox: 'stripe', error: error instanceof Error ? error.message : String(error) })}\n`,
  );
  process.exit(1);
});
