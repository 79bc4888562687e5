import { INestApplication } from '@nestjs/common';
import { TestTokenIssuer } from '@obolus/auth';
import { serviceConnectionUrl } from '@obolus/database';
import { UnitOfWorkRunner } from '@obolus/messaging';
import { bootstrapService } from '@obolus/platform';
import { serveJwks } from '@obolus/testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { InvoicesRepository } from '../src/invoices/invoices.repository';
import { invoicingConfigSpec } from '../src/invoicing.config';
import { InvoicingModule } from '../src/invoicing.module';

class RolledBack extends Error {}

/**
 * I3 under concurrency: 8 workers issue numbers from one series at once, as issuing invoices does (the
 * number taken in the issuing transaction), and about one transaction in six rolls back after taking
 * its number. The numbers that committed are exactly 1..200: none skipped, none twice.
 */
describe('invoice numbering under concurrency (I3)', () => {
  let app: INestApplication;
  let jwks: Awaited<ReturnType<typeof serveJwks>>;
  let db: Client;

  beforeAll(async () => {
    const issuer = await TestTokenIssuer.create();
    jwks = await serveJwks(issuer.jwks);
    Object.assign(process.env, {
      PORT: '0',
      DATABASE_URL: serviceConnectionUrl(process.env.DATABASE_ADMIN_URL!, 'invoicing'),
      IDENTITY_JWKS_URL: jwks.url,
      INTERNAL_API_KEYS: `notifications:${'s'.repeat(40)}`,
      LOG_LEVEL: 'warn',
    });
    app = await bootstrapService({
      service: 'invoicing',
      config: invoicingConfigSpec,
      module: (config, logger) => InvoicingModule.forRoot(config, logger),
    });
    db = new Client({ connectionString: process.env.DATABASE_ADMIN_URL });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await app?.close();
    await jwks?.close();
  });

  it('gives 200 committed issues from 8 workers exactly the numbers 1..200, with rolled-back ones given back', async () => {
    const series = `TEST-${randomUUID().slice(0, 8).toUpperCase()}`;
    const work = app.get(UnitOfWorkRunner);
    const invoices = app.get(InvoicesRepository);
    const committed: number[] = [];
    let rolledBack = 0;
    let attempt = 0;

    // Each worker issues 25: 200 in all.
    const worker = async () => {
      for (let issued = 0; issued < 25; ) {
        const mine = ++attempt;
        try {
          const number = await work.run(async (uow) => {
            const taken = await invoices.takeNextNumber(uow, series);
            // The rest of an issue (PDF, rows, outbox) takes a little while, holding the series lock.
            await new Promise((resolve) => setTimeout(resolve, Math.random() * 3));
            if (mine % 6 === 0) throw new RolledBack();
            return taken;
          });
          committed.push(number);
          issued += 1;
        } catch (error) {
          if (!(error instanceof RolledBack)) throw error;
          rolledBack += 1;
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));

    const numbers = [...committed].sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 200 }, (_, index) => index + 1));
    expect(rolledBack).toBeGreaterThan(20);
    const { rows } = await db.query(`SELECT next_number FROM invoicing.invoice_series WHERE series = $1`, [series]);
    expect(Number(rows[0].next_number)).toBe(201);
  });
});
