import { startMailSandbox } from './index';

function port(value: string | undefined, fallback: number): number {
  return value === undefined || value === '' ? fallback : Number.parseInt(value, 10);
}

async function main(): Promise<void> {
  const host = process.env.MAIL_SANDBOX_HOST ?? '127.0.0.1';
  const sandbox = await startMailSandbox({
    host,
    smtpPort: port(process.env.MAIL_SANDBOX_SMTP_PORT, 1025),
    httpPort: port(process.env.MAIL_SANDBOX_HTTP_PORT, 8025),
  });
  process.stdout.write(
    `${JSON.stringify({ sandbox: 'mail', smtpUrl: `smtp://${host}:${sandbox.smtpPort}`, httpUrl: sandbox.httpUrl })}\n`,
  );
  const stop = (): void => void sandbox.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${JSON.stringify({ sandbox: 'mail', error: error instanceof Error ? error.message : String(error) })}\n`);
  process.exit(1);
});
