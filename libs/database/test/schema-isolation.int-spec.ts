import { OBOLUS_SERVICES, serviceConnectionUrl, serviceDatabaseNames } from '../src';
import { Client } from 'pg';

/** Each service's role reaches its own schema only (ARCHITECTURE.md, Data). */
describe('per-service schemas and roles', () => {
  const adminUrl = process.env.DATABASE_ADMIN_URL!;
  const clients = new Map<string, Client>();

  const as = async (service: string): Promise<Client> => {
    let client = clients.get(service);
    if (!client) {
      client = new Client({ connectionString: serviceConnectionUrl(adminUrl, service) });
      await client.connect();
      clients.set(service, client);
    }
    return client;
  };

  beforeAll(async () => {
    // Each service creates a table in its own schema, as its migrations would.
    for (const service of ['identity', 'invoicing']) {
      const { schema } = serviceDatabaseNames(service);
      await (await as(service)).query(`CREATE TABLE IF NOT EXISTS "${schema}".isolation_probe (secret text)`);
      await (await as(service)).query(`INSERT INTO "${schema}".isolation_probe VALUES ('${service} secret')`);
    }
  });

  afterAll(async () => {
    for (const service of ['identity', 'invoicing']) {
      await (await as(service)).query(`DROP TABLE IF EXISTS "${serviceDatabaseNames(service).schema}".isolation_probe`);
    }
    for (const client of clients.values()) await client.end();
  });

  it('gives every service its own role that owns its own schema', async () => {
    const admin = new Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      const { rows } = await admin.query(
        `SELECT n.nspname AS schema, r.rolname AS owner, r.rolsuper AS superuser
           FROM pg_namespace n JOIN pg_roles r ON r.oid = n.nspowner
          WHERE n.nspname = ANY($1)`,
        [OBOLUS_SERVICES.map((s) => serviceDatabaseNames(s).schema)],
      );
      expect(rows).toHaveLength(OBOLUS_SERVICES.length);
      for (const row of rows) {
        expect(row.owner).toBe(`obolus_${row.schema}`);
        expect(row.superuser).toBe(false);
      }
    } finally {
      await admin.end();
    }
  });

  it("lets identity read its own tables and not invoicing's", async () => {
    const identity = await as('identity');
    expect((await identity.query('SELECT secret FROM identity.isolation_probe')).rows).toEqual([{ secret: 'identity secret' }]);
    await expect(identity.query('SELECT secret FROM invoicing.isolation_probe')).rejects.toMatchObject({
      code: '42501',
      message: 'permission denied for schema invoicing',
    });
  });

  it('refuses every cross-schema write and DDL too', async () => {
    const invoicing = await as('invoicing');
    await expect(invoicing.query(`INSERT INTO identity.isolation_probe VALUES ('forged')`)).rejects.toMatchObject({
      code: '42501',
    });
    await expect(invoicing.query('CREATE TABLE identity.intruder (x int)')).rejects.toMatchObject({ code: '42501' });
    await expect(invoicing.query('CREATE TABLE public.intruder (x int)')).rejects.toMatchObject({ code: '42501' });
    const identity = await as('identity');
    expect((await identity.query('SELECT count(*)::int AS n FROM identity.isolation_probe')).rows[0].n).toBe(1);
  });
});
