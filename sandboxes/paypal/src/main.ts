import { startPaypalSandbox } from './server';

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
  const sandbox = await startPaypalSandbox({
    port: integer(process.env.PAYPAL_SANDBOX_PORT, 4604),
    host: process.env.PAYPAL_SANDBOX_HOST ?? '127.0.0.1',
    clientId: process.env.PAYPAL_SANDBOX_CLIENT_ID || undefined,
    clientSecret: process.env.PAYPAL_SANDBOX_CLIENT_SECRET || undefined,
    webhookUrls: list(process.env.PAYPAL_SANDBOX_WEBHOOK_URLS),
    webhookId: process.env.PAYPAL_SANDBOX_WEBHOOK_ID || undefined,
    webhookRetryBaseMs: integer(process.env.PAYPAL_SANDBOX_WEBHOOK_RETRY_MS, 1000),
  });
  process.stdout.write(
    `${JSON.stringify({ sandbox: 'paypal', url: sandbox.url, port: sandbox.port, webhookId: sandbox.webhookId })}\n`,
  );
  const stop = (): void => void sandbox.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${JSON.stringify({ sandbox: 'paypal', error: error instanceof Error ? error.message : String(error) })}\n`,
  );
  process.exit(1);
});
