import { Client } from 'pg';
import { databaseNameOf, quoteIdent, quoteLiteral, withCredentials, withDatabase } from './connection-url';
import { serviceDatabaseNames } from './service-database';

export interface ProvisionOptions {
  /** A superuser (or CREATEROLE + CREATEDB) connection to the target database. */
  adminUrl: string;
  services: readonly string[];
  /** The password of each service role; `obolus_<schema>` by default, fine for loopback trust auth only. */
  passwordOf?: (service: string) => string;
  /** Drop and re-create the database first (tests). */
  recreate?: boolean;
}

export const defaultServicePassword = (service: string): string => `${serviceDatabaseNames(service).role}_local`;

/**
 * Creates the database if missing, then one role and one schema per service.
 * The role owns its schema and nothing else, and PUBLIC keeps no rights on any service schema,
 * so one service's role cannot read another's tables. Safe to run again.
 */
export async function provisionServiceDatabases(options: ProvisionOptions): Promise<void> {
  const database = databaseNameOf(options.adminUrl);
  await ensureDatabase(options.adminUrl, database, options.recreate ?? false);
  const passwordOf = options.passwordOf ?? defaultServicePassword;
  const client = new Client({ connectionString: options.adminUrl });
  await client.connect();
  try {
    // Roles are cluster-wide: serialise concurrent provisioning of the same cluster.
    await client.query('SELECT pg_advisory_lock(7342001)');
    for (const service of options.services) {
      const { schema, role } = serviceDatabaseNames(service);
      const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
      const verb = exists.rowCount ? 'ALTER' : 'CREATE';
      await client.query(
        `${verb} ROLE ${quoteIdent(role)} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD ${quoteLiteral(passwordOf(service))}`,
      );
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)} AUTHORIZATION ${quoteIdent(role)}`);
      await client.query(`ALTER SCHEMA ${quoteIdent(schema)} OWNER TO ${quoteIdent(role)}`);
      await client.query(`REVOKE ALL ON SCHEMA ${quoteIdent(schema)} FROM PUBLIC`);
      await client.query(`ALTER ROLE ${quoteIdent(role)} SET search_path TO ${quoteIdent(schema)}`);
    }
    await client.query(`REVOKE CREATE ON SCHEMA public FROM PUBLIC`);
    await client.query(
      `GRANT CONNECT ON DATABASE ${quoteIdent(database)} TO ${options.services
        .map((s) => quoteIdent(serviceDatabaseNames(s).role))
        .join(', ')}`,
    );
  } finally {
    await client.query('SELECT pg_advisory_unlock(7342001)').catch(() => undefined);
    await client.end();
  }
}

async function ensureDatabase(adminUrl: string, database: string, recreate: boolean): Promise<void> {
  const client = new Client({ connectionString: withDatabase(adminUrl, 'postgres') });
  await client.connect();
  try {
    if (recreate) {
      await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(database)} WITH (FORCE)`);
    }
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!found.rowCount) {
      try {
        await client.query(`CREATE DATABASE ${quoteIdent(database)}`);
      } catch (error) {
        // Another process created it between our check and our create.
        if ((error as { code?: string }).code !== '42P04') throw error;
      }
    }
  } finally {
    await client.end();
  }
}

/** The connection URL a service uses: same server and database as the admin URL, its own role. */
export function serviceConnectionUrl(adminUrl: string, service: string, password = defaultServicePassword(service)): string {
  return withCredentials(adminUrl, serviceDatabaseNames(service).role, password);
}
