import { SERVICE_KEY_HEADER } from '@obolus/auth';
import { LOCAL_IDENTITY_SERVICE_KEY, LOCAL_STAFF_EMAIL, LOCAL_STAFF_PASSWORD } from '@obolus/stack';
import { readZip, waitFor } from '@obolus/testing';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import Stripe from 'stripe';
import { Journey, StackHarness } from '../support/stack-harness';

interface ManifestEntry {
  path: string;
  contentType: string;
  size: number;
  sha256: string;
}

interface Manifest {
  format: string;
  accountId: string;
  exportId: string;
  files: ManifestEntry[];
}

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/**
 * Leaving with all your data (A3): a Romanian customer with a paid invoice and its e-Factura XML asks for an
 * export, is e-mailed a link, downloads one ZIP whose manifest lists every file with its SHA-256, closes the
 * account (billing and scheduling stop at once, the link still works), and once its test clock has passed the
 * normal retention (30 days) every service holds no personal data of the account but the invoices the law
 * requires, marked retained.
 */
describe('account export, closure and purge across the services', () => {
  const harness = new StackHarness(5500);
  let db: Client;
  let stripe: Stripe;

  beforeAll(async () => {
    await harness.start();
    stripe = harness.stripeClient();
    db = new Client({ connectionString: process.env.DATABASE_ADMIN_URL });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    const codes = await harness.stop();
    expect(Object.values(codes).every((code) => code === 0)).toBe(true);
  });

  const clockAt = (frozenTime: string) => harness.testClock(frozenTime, 'account export');
  const advance = (clockId: string, frozenTime: string) => harness.advanceClock(clockId, frozenTime);

  const count = async (sql: string, accountId: string): Promise<number> => Number((await db.query(sql, [accountId])).rows[0].n);

  it('exports every service’s part with matching hashes, then closes and purges keeping the retained invoices', async () => {
    const journey = new Journey();
    const tag = randomBytes(4).toString('hex');
    const owner = `owner+${tag}@fabrica-stefanesti.ro`;
    const password = `Correct-Horse-${tag}`;
    const identity = harness.url('identity');
    const clockId = await clockAt('2027-03-01T09:00:00Z');

    const { accountId } = await journey.request<{ accountId: string }>('POST', `${identity}/accounts`, {
      companyName: 'Fabrica de Pâine Ștefănești SRL',
      email: owner,
      password,
      country: 'RO',
      catalog: 'ro-crm',
      signupChannel: 'website',
      testClockId: clockId,
    });
    journey.accessToken = (
      await journey.request<{ accessToken: string }>('POST', `${identity}/auth/sign-in`, { email: owner, password })
    ).accessToken;
    await journey.request('PUT', `${harness.url('invoicing')}/accounts/${accountId}/billing-details`, {
      legalName: 'Fabrica de Pâine Ștefănești SRL',
      buyerType: 'business',
      companyId: '12448440',
      tradeRegisterNumber: 'J22/123/2010',
      address: { line1: 'Bd. Ștefan cel Mare 1', city: 'Iași', postalCode: '700028', countrySubdivision: 'RO-IS', country: 'RO' },
    });
    await waitFor(
      () =>
        journey
          .request<{
            status?: string;
          }>('GET', `${harness.url('subscriptions')}/accounts/${accountId}/subscription`, undefined, [200, 404])
          .then((s) => s.status),
      { what: 'the trial', timeoutMs: 60_000 },
    );
    const setup = await journey.request<{ setupIntentId: string }>(
      'POST',
      `${harness.url('payments')}/accounts/${accountId}/payment-methods/setup-intents`,
      {},
    );
    await stripe.setupIntents.confirm(setup.setupIntentId, { payment_method: 'pm_card_visa' });
    await waitFor(
      () =>
        journey
          .request<{ default: unknown }>('GET', `${harness.url('payments')}/accounts/${accountId}/payment-methods`)
          .then((m) => m.default ?? undefined),
      { what: 'the saved card', timeoutMs: 60_000 },
    );
    await journey.request('POST', `${harness.url('subscriptions')}/accounts/${accountId}/subscription/purchase`, {
      edition: 'premium',
      term: 'prepaid-1',
      seats: 2,
      paymentMethod: 'card',
    });
    await waitFor(
      async () =>
        (await count('SELECT count(*) AS n FROM efactura_gateway.documents WHERE account_id = $1', accountId)) > 0
          ? true
          : undefined,
      { what: 'the invoice and its e-Factura XML', timeoutMs: 120_000, intervalMs: 500 },
    );
    const [invoice] = (
      await db.query('SELECT id, number, pdf, issue_date::text AS issued FROM invoicing.invoices WHERE account_id = $1', [
        accountId,
      ])
    ).rows as { id: string; number: string; pdf: Buffer; issued: string }[];
    expect(invoice).toBeDefined();

    // A staff refund of part of the payment: a credit note, and for this Romanian seller its CreditNote XML.
    const [payment] = await journey.request<{ id: string }[]>('GET', `${harness.url('payments')}/accounts/${accountId}/payments`);
    const console = new Journey();
    console.accessToken = (
      await console.request<{ accessToken: string }>('POST', `${identity}/staff/auth/sign-in`, {
        email: LOCAL_STAFF_EMAIL,
        password: LOCAL_STAFF_PASSWORD,
      })
    ).accessToken;
    await console.request(
      'POST',
      `${harness.url('payments')}/staff/accounts/${accountId}/payments/${payment!.id}/refunds`,
      { amountMinor: 500, reason: 'A day of service missed' },
      [201],
      { 'Idempotency-Key': `refund-${randomUUID()}` },
    );
    await waitFor(
      async () =>
        (await count('SELECT count(*) AS n FROM efactura_gateway.documents WHERE account_id = $1', accountId)) === 2
          ? true
          : undefined,
      { what: 'the credit note and its CreditNote XML', timeoutMs: 120_000, intervalMs: 500 },
    );
    const [creditNote] = (await db.query('SELECT number, pdf FROM invoicing.credit_notes WHERE account_id = $1', [accountId]))
      .rows as {
      number: string;
      pdf: Buffer;
    }[];

    // The internal export route is for identity only.
    const internal = `${harness.url('invoicing')}/internal/accounts/${accountId}/export`;
    expect((await fetch(internal)).status).toBe(401);
    expect((await fetch(internal, { headers: { [SERVICE_KEY_HEADER]: LOCAL_IDENTITY_SERVICE_KEY } })).status).toBe(200);

    // 1. The owner asks for the export; the link comes by e-mail.
    const requested = await journey.request<{ exportId: string; status: string }>(
      'POST',
      `${identity}/accounts/${accountId}/exports`,
      {},
    );
    expect(requested.status).toBe('pending');
    const email = await waitFor(
      () =>
        harness.mail
          .messages()
          .find((m) => m.envelope.to.includes(owner) && m.text.includes(`/account-exports/${requested.exportId}/download`)),
      { what: 'the export e-mail', timeoutMs: 120_000, intervalMs: 250 },
    );
    expect(email.subject).toBe('Exportul datelor este gata');
    const link = /(https?:\/\/\S+\/account-exports\/\S+)/.exec(email.text)![1]!;

    // 2. One ZIP, every file the manifest lists, with matching sizes and hashes.
    const zip = Buffer.from(await (await fetch(link)).arrayBuffer());
    const entries = readZip(zip);
    const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8')) as Manifest;
    expect(manifest).toMatchObject({ format: 'obolus-account-export/1', accountId, exportId: requested.exportId });
    expect([...entries.keys()].sort()).toEqual(['manifest.json', ...manifest.files.map((file) => file.path)].sort());
    for (const file of manifest.files) {
      const bytes = entries.get(file.path)!;
      expect({ path: file.path, size: bytes.length, sha256: sha256(bytes) }).toEqual({
        path: file.path,
        size: file.size,
        sha256: file.sha256,
      });
    }
    const paths = manifest.files.map((file) => file.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'identity/account.json',
        'identity/users.json',
        'identity/audit-log.json',
        'subscriptions/subscriptions.json',
        'payments/payments.json',
        'payments/payment-methods.json',
        `invoicing/invoices/${invoice!.number}.pdf`,
        `invoicing/invoices/${invoice!.number}.json`,
        'invoicing/billing-details.json',
        `efactura-gateway/xml/${invoice!.number}.xml`,
        `invoicing/credit-notes/${creditNote!.number}.pdf`,
        `invoicing/credit-notes/${creditNote!.number}.json`,
        `efactura-gateway/xml/${creditNote!.number}.xml`,
        'efactura-gateway/submissions.json',
        'payments/refunds.json',
      ]),
    );
    expect(sha256(entries.get(`invoicing/credit-notes/${creditNote!.number}.pdf`)!)).toBe(sha256(creditNote!.pdf));
    expect(entries.get(`efactura-gateway/xml/${creditNote!.number}.xml`)!.toString('utf8')).toContain('<CreditNote');
    // The PDF is the issued one, byte for byte; the XML is the CIUS-RO document; the card is masked.
    expect(sha256(entries.get(`invoicing/invoices/${invoice!.number}.pdf`)!)).toBe(sha256(invoice!.pdf));
    expect(entries.get(`efactura-gateway/xml/${invoice!.number}.xml`)!.toString('utf8')).toContain('CIUS-RO');
    const users = JSON.parse(entries.get('identity/users.json')!.toString('utf8')) as Record<string, unknown>[];
    expect(users).toEqual([expect.objectContaining({ email: owner, role: 'owner' })]);
    expect(JSON.stringify(users)).not.toMatch(/argon2|password_?hash/i);
    const payments =
      entries.get('payments/payments.json')!.toString('utf8') + entries.get('payments/customer.json')!.toString('utf8');
    expect(payments).not.toMatch(/"(pi|pm|cus)_[A-Za-z0-9]{5,}/);

    // A forged or altered token gets a 4xx; so does a token for another export.
    const forged = new URL(link);
    const token = forged.searchParams.get('token')!;
    forged.searchParams.set('token', `${token.slice(0, -4)}AAAA`);
    expect((await fetch(forged)).status).toBe(400);
    forged.searchParams.set('token', 'not-a-token');
    expect((await fetch(forged)).status).toBe(400);
    expect((await fetch(link.replace(requested.exportId, accountId))).status).toBe(400);

    // 3. Closure: billing and scheduling stop at once.
    expect(
      await count(
        `SELECT count(*) AS n FROM subscriptions.scheduled_jobs WHERE account_id = $1 AND status = 'pending'`,
        accountId,
      ),
    ).toBeGreaterThan(0);
    // The closure is dated on the account's clock, and its purge is planned 30 days later on that clock.
    const closure = await journey.request<{ requestedAt: string; purgeAfter: string }>(
      'POST',
      `${identity}/accounts/${accountId}/closure`,
      { password },
      [202],
    );
    expect(closure).toMatchObject({ requestedAt: '2027-03-01T09:00:00.000Z', purgeAfter: '2027-03-31T09:00:00.000Z' });
    // The signed link still works with every session ended.
    expect([401, 403]).toContain(
      (await journey.send('GET', `${identity}/accounts/${accountId}/exports/${requested.exportId}`)).status,
    );
    const afterClosure = await fetch(link);
    expect(afterClosure.status).toBe(200);
    expect(sha256(Buffer.from(await afterClosure.arrayBuffer()))).toBe(sha256(zip));
    await waitFor(
      async () =>
        (await count(
          `SELECT count(*) AS n FROM subscriptions.scheduled_jobs WHERE account_id = $1 AND status = 'pending'`,
          accountId,
        )) === 0
          ? true
          : undefined,
      { what: "the end of the closed account's renewals", timeoutMs: 60_000 },
    );

    // 4. Nothing is purged before the retention has passed on the account's clock, however long we wait.
    await advance(clockId, '2027-03-31T08:59:00Z');
    expect(await count('SELECT count(*) AS n FROM identity.users WHERE account_id = $1', accountId)).toBe(1);
    expect(await count('SELECT count(*) AS n FROM invoicing.retained_accounts WHERE account_id = $1', accountId)).toBe(0);

    // 5. The clock passes the retention: personal data gone everywhere, the invoices kept and marked retained.
    await advance(clockId, '2027-04-01T09:00:00Z');
    await waitFor(
      async () =>
        (await count('SELECT count(*) AS n FROM invoicing.retained_accounts WHERE account_id = $1', accountId)) === 1 &&
        (await count('SELECT count(*) AS n FROM subscriptions.subscriptions WHERE account_id = $1', accountId)) === 0 &&
        (await count('SELECT count(*) AS n FROM payments.customers WHERE account_id = $1', accountId)) === 0
          ? true
          : undefined,
      { what: 'the purge in every service', timeoutMs: 90_000, intervalMs: 500 },
    );
    const personal = [
      'identity.users',
      'identity.account_exports',
      'invoicing.billing_details',
      'invoicing.customers',
      'invoicing.vat_number_checks',
      'payments.customers',
      'subscriptions.subscriptions',
      'efactura_gateway.authorizations',
      'efactura_gateway.incoming_invoices',
      'notifications.account_contacts',
      'notifications.account_members',
    ];
    for (const table of personal)
      expect({ table, rows: await count(`SELECT count(*) AS n FROM ${table} WHERE account_id = $1`, accountId) }).toEqual({
        table,
        rows: 0,
      });
    expect(await count('SELECT count(*) AS n FROM invoicing.invoices WHERE account_id = $1', accountId)).toBe(1);
    const retained = (
      await db.query(
        'SELECT retained_until::text AS until, invoices, credit_notes FROM invoicing.retained_accounts WHERE account_id = $1',
        [accountId],
      )
    ).rows[0];
    // Ten years after the end of the last invoice's year (L123-22; Legea 82/1991 art. 25).
    expect(retained).toEqual({ until: `${Number(invoice!.issued.slice(0, 4)) + 10}-12-31`, invoices: 1, credit_notes: 1 });
    expect(await count('SELECT count(*) AS n FROM invoicing.credit_notes WHERE account_id = $1', accountId)).toBe(1);
    expect(await count('SELECT count(*) AS n FROM efactura_gateway.documents WHERE account_id = $1', accountId)).toBe(2);
    const account = (await db.query('SELECT status, company_name FROM identity.accounts WHERE id = $1', [accountId])).rows[0];
    expect(account).toEqual({ status: 'closed', company_name: '[purged]' });
    // The export went with the rest: its link now finds nothing.
    expect((await fetch(link)).status).toBe(404);
  });
});
