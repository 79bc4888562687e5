import { readFileSync } from 'node:fs';
import { DEFAULT_CLIENT, type OAuthClient } from './options';
import { startAnafSandbox } from './sandbox';

function integer(value: string | undefined, fallback: number): number {
  return value === undefined || value === '' ? fallback : Number.parseInt(value, 10);
}

function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** One client from ANAF_SANDBOX_CLIENT_ID / _SECRET / _REDIRECT_URIS (comma-separated), or the default one. */
function client(): OAuthClient {
  return {
    clientId: process.env.ANAF_SANDBOX_CLIENT_ID || DEFAULT_CLIENT.clientId,
    clientSecret: process.env.ANAF_SANDBOX_CLIENT_SECRET || DEFAULT_CLIENT.clientSecret,
    redirectUris: list(process.env.ANAF_SANDBOX_REDIRECT_URIS).length
      ? list(process.env.ANAF_SANDBOX_REDIRECT_URIS)
      : DEFAULT_CLIENT.redirectUris,
  };
}

function optionalFile(path: string | undefined): string | undefined {
  return path ? readFileSync(path, 'utf8') : undefined;
}

async function main(): Promise<void> {
  const sandbox = await startAnafSandbox({
    port: integer(process.env.ANAF_SANDBOX_PORT, 4603),
    host: process.env.ANAF_SANDBOX_HOST ?? '127.0.0.1',
    clients: [client()],
    processingDelayMs: integer(process.env.ANAF_SANDBOX_PROCESSING_DELAY_MS, 2000),
    listingDelayMs: integer(process.env.ANAF_SANDBOX_LISTING_DELAY_MS, 0),
    signingKeyPem: optionalFile(process.env.ANAF_SANDBOX_SIGNING_KEY_FILE),
    signingCertificatePem: optionalFile(process.env.ANAF_SANDBOX_SIGNING_CERTIFICATE_FILE),
    warmUpValidator: true,
  });
  process.stdout.write(`${JSON.stringify({ sandbox: 'anaf', url: sandbox.url, port: sandbox.port })}\n`);
  const stop = (): void => void sandbox.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${JSON.stringify({ sandbox: 'anaf', error: error instanceof Error ? error.message : String(error) })}\n`);
  process.exit(1);
});
