import { INestApplication } from '@nestjs/common';
import { TestTokenIssuer } from '@obolus/auth';
import { serviceConnectionUrl } from '@obolus/database';
import { AccountClocks, ScheduledJobRunner, UnitOfWorkRunner } from '@obolus/messaging';
import { bootstrapService } from '@obolus/platform';
import { serveJwks, waitFor } from '@obolus/testing';
import { startViesSandbox, ViesSandbox } from '@obolus/vat';
import { randomUUID } from 'node:crypto';
import { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { RecordCustomerCommand } from '../src/customers/use-cases/record-customer/record-customer.command';
import { RecordCustomerUseCase } from '../src/customers/use-cases/record-customer/record-customer.use-case';
import { IssueInvoiceCommand } from '../src/invoices/use-cases/issue-invoice/issue-invoice.command';
import { IssueInvoiceUseCase } from '../src/invoices/use-cases/issue-invoice/issue-invoice.use-case';
import { RequestPaymentCommand } from '../src/invoices/use-cases/request-payment/request-payment.command';
import { RequestPaymentUseCase } from '../src/invoices/use-cases/request-payment/request-payment.use-case';
import { invoicingConfigSpec } from '../src/invoicing.config';
import { InvoicingModule } from '../src/invoicing.module';

/**
 * V3 and V1 on real Postgres, with the service's own module and the VIES sandbox on loopback behind
 * VIES_URL: billing details saved over HTTP, periods priced and invoiced through the use cases the
 * consumers call, and the re-check of a number VIES could not check run on a test clock.
 */
describe('invoicing checks VAT numbers with VIES and reverse-charges verified EU businesses (V3, V1)', () => {
  let app: INestApplication;
  let url: string;
  let db: Client;
  let vies: ViesSandbox;
  let issuer: TestTokenIssuer;
  let jwks: Awaited<ReturnType<typeof serveJwks>>;
  let work: UnitOfWorkRunner;

  beforeAll(async () => {
    issuer = await TestTokenIssuer.create();
    jwks = await serveJwks(issuer.jwks);
    vies = await startViesSandbox();
    Object.assign(process.env, {
      PORT: '0',
      DATABASE_URL: serviceConnectionUrl(process.env.DATABASE_ADMIN_URL!, 'invoicing'),
      IDENTITY_JWKS_URL: jwks.url,
      INTERNAL_API_KEYS: `notifications:${'s'.repeat(40)}`,
      // The bare origin, as the local stack passes it.
      VIES_URL: `http://127.0.0.1:${vies.port}`,
      VIES_TIMEOUT_MS: '2000',
      LOG_LEVEL: 'warn',
    });
    app = await bootstrapService({
      service: 'invoicing',
      config: invoicingConfigSpec,
      module: (config, logger) => InvoicingModule.forRoot(config, logger),
    });
    url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    work = app.get(UnitOfWorkRunner);
    db = new Client({ connectionString: process.env.DATABASE_ADMIN_URL });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await app?.close();
    await vies?.close();
    await jwks?.close();
  });

  /** A customer of the French catalog (so Obolus SAS sells, and asks VIES) living in `country`. */
  const signUp = async (country: string) => {
    const accountId = randomUUID();
    await work.run((uow) =>
      app.get(RecordCustomerUseCase).execute(
        RecordCustomerCommand.create({
          accountId,
          companyName: 'Beispiel GmbH',
          ownerEmail: `owner-${accountId}@beispiel.de`,
          country,
          catalog: 'fr-crm',
          locale: 'en',
          createdAt: '2026-11-01T09:00:00.000Z',
        }),
        uow,
      ),
    );
    const token = await issuer.customer({ userId: randomUUID(), accountId, email: 'owner@beispiel.de', role: 'owner' });
    return { accountId, token };
  };

  const putDetails = async ({ accountId, token }: { accountId: string; token: string }, body: Record<string, unknown>) => {
    const response = await fetch(`${url}/accounts/${accountId}/billing-details`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const germanBusiness = (vatNumber: string, legalName = 'Beispiel GmbH') => ({
    legalName,
    buyerType: 'business',
    vatNumber,
    address: { line1: 'Hauptstraße 1', city: 'Berlin', postalCode: '10115', country: 'DE' },
  });

  /** A monthly period falls due at `at` and is paid: answers the issued invoice's row. */
  const billAndPay = async (accountId: string, at: string) => {
    const eventId = randomUUID();
    await work.run((uow) =>
      app.get(RequestPaymentUseCase).execute(
        RequestPaymentCommand.create({
          accountId,
          subscriptionId: randomUUID(),
          catalog: 'fr-crm',
          sellerEntity: 'obolus-fr',
          currency: 'EUR',
          paymentMethod: 'card',
          lines: [{ code: 'dream-team', description: 'Dream Team (monthly)', quantity: 1, unitPriceMinor: 10000 }],
          activatedAt: at,
          eventId,
        }),
        uow,
      ),
    );
    const draft = (
      await db.query(`SELECT id, totals FROM invoicing.drafts WHERE account_id = $1 AND cause_event_id = $2`, [accountId, eventId])
    ).rows[0] as { id: string; totals: { grossMinor: number } };
    await work.run((uow) =>
      app.get(IssueInvoiceUseCase).execute(
        IssueInvoiceCommand.create({
          accountId,
          paymentId: randomUUID(),
          draftId: draft.id,
          amountMinor: draft.totals.grossMinor,
          currency: 'EUR',
          providerPaymentId: `pi_${eventId.slice(0, 8)}`,
          paymentMethod: 'card',
          succeededAt: at,
        }),
        uow,
      ),
    );
    return (
      await db.query(
        `SELECT number, buyer, totals, vat_breakdown AS "vatBreakdown", legal_mention AS "legalMention", length(pdf) AS "pdfBytes"
           FROM invoicing.invoices WHERE draft_id = $1`,
        [draft.id],
      )
    ).rows[0] as {
      number: string;
      buyer: { legalName: string; vatId?: string; address: { line1: string } };
      totals: { netMinor: number; vatMinor: number; grossMinor: number };
      vatBreakdown: { vatCategory: string; vatRateBasisPoints: number; exemptionReasonCode?: string }[];
      legalMention: string | null;
      pdfBytes: number;
    };
  };

  const checksOf = async (accountId: string) =>
    (
      await db.query(
        `SELECT country_code AS "countryCode", vat_number AS "vatNumber", result, reason,
                request_identifier AS "requestIdentifier", trader_name AS "traderName", raw_response AS "rawResponse",
                response_digest AS "responseDigest", checked_at AS "checkedAt"
           FROM invoicing.vat_number_checks WHERE account_id = $1 ORDER BY checked_at, id`,
        [accountId],
      )
    ).rows;
  const detailsRowOf = async (accountId: string) =>
    (await db.query(`SELECT vat_status AS "vatStatus" FROM invoicing.billing_details WHERE account_id = $1`, [accountId])).rows[0];

  it('verifies a German business with a valid number, and its next invoice is reverse-charged with the mention', async () => {
    const customer = await signUp('DE');
    const saved = await putDetails(customer, germanBusiness('DE108262480'));
    expect(saved).toMatchObject({ status: 200, body: { vatNumber: 'DE108262480', vatStatus: 'verified' } });

    const invoice = await billAndPay(customer.accountId, '2026-11-23T09:00:00.000Z');
    expect(invoice.totals).toMatchObject({ netMinor: 10000, vatMinor: 0, grossMinor: 10000 });
    expect(invoice.vatBreakdown).toEqual([
      expect.objectContaining({ vatCategory: 'AE', vatRateBasisPoints: 0, exemptionReasonCode: 'VATEX-EU-AE' }),
    ]);
    expect(invoice.legalMention).toBe(
      'Reverse charge: VAT to be accounted for by the customer (Article 196 of Directive 2006/112/EC).',
    );
    expect(invoice.buyer).toMatchObject({ vatId: 'DE108262480' });
    expect(invoice.pdfBytes).toBeGreaterThan(5000);

    expect(await checksOf(customer.accountId)).toEqual([
      expect.objectContaining({
        countryCode: 'DE',
        vatNumber: '108262480',
        result: 'valid',
        requestIdentifier: expect.stringMatching(/^WAPISANDBOX\d{8}$/),
        rawResponse: expect.objectContaining({ valid: true, vatNumber: '108262480' }),
        responseDigest: expect.stringMatching(/^[0-9a-f]{64}$/),
      }),
    ]);
  });

  it('refuses an invalid number with 422 naming vatNumber, writes no details, and keeps the check', async () => {
    const customer = await signUp('DE');
    const refused = await putDetails(customer, germanBusiness('DE100000008'));
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({
      code: 'VAT_NUMBER_INVALID',
      fields: [expect.objectContaining({ field: 'vatNumber' })],
    });
    expect(await detailsRowOf(customer.accountId)).toBeUndefined();
    expect(await checksOf(customer.accountId)).toEqual([
      expect.objectContaining({ countryCode: 'DE', vatNumber: '100000008', result: 'invalid', requestIdentifier: expect.any(String) }),
    ]);
    // With no details, it is invoiced as a German individual would be: German VAT through OSS.
    const invoice = await billAndPay(customer.accountId, '2026-11-23T09:00:00.000Z');
    expect(invoice.totals).toMatchObject({ vatMinor: 1900, grossMinor: 11900 });
  });

  it('refuses a number with wrong check digits with 400 naming vatNumber, without asking VIES', async () => {
    const customer = await signUp('DE');
    const asked = vies.requests.length;
    const refused = await putDetails(customer, germanBusiness('DE100000009'));
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ fields: [expect.objectContaining({ field: 'vatNumber' })] });
    expect(vies.requests.length).toBe(asked);
    expect(await checksOf(customer.accountId)).toEqual([]);
  });

  it('with VIES down: saved as pending and charged VAT; the re-check after VIES is back verifies it, and the next invoice is reverse-charged', async () => {
    const customer = await signUp('DE');
    const clockId = randomUUID();
    await work.run(async (uow) => {
      await app.get(AccountClocks).advance(uow, clockId, new Date('2026-11-23T08:00:00.000Z'));
      await app.get(AccountClocks).assign(uow, customer.accountId, clockId);
    });

    await vies.close();
    const saved = await putDetails(customer, germanBusiness('DE108262480'));
    expect(saved).toMatchObject({ status: 200, body: { vatStatus: 'pending' } });
    const charged = await billAndPay(customer.accountId, '2026-11-23T08:00:00.000Z');
    expect(charged.totals).toMatchObject({ vatMinor: 1900, grossMinor: 11900 });
    expect(charged.vatBreakdown).toEqual([expect.objectContaining({ vatCategory: 'S', vatRateBasisPoints: 1900 })]);
    const [job] = (
      await db.query(`SELECT kind, due_at AS "dueAt", status FROM invoicing.scheduled_jobs WHERE account_id = $1`, [
        customer.accountId,
      ])
    ).rows;
    expect(job).toEqual({ kind: 'vat-number-recheck', dueAt: new Date('2026-11-23T08:15:00.000Z'), status: 'pending' });

    // VIES comes back on the same address; 15 minutes pass on the account's clock.
    vies = await startViesSandbox({ port: vies.port });
    await work.run((uow) => app.get(AccountClocks).advance(uow, clockId, new Date('2026-11-23T08:15:00.000Z')));
    await app.get(ScheduledJobRunner).runDue({ clockId });
    await waitFor(async () => (await detailsRowOf(customer.accountId))?.vatStatus === 'verified', {
      what: 'the re-check to verify the number',
    });

    const reversed = await billAndPay(customer.accountId, '2026-11-23T08:15:00.000Z');
    expect(reversed.totals).toMatchObject({ vatMinor: 0, grossMinor: 10000 });
    expect(reversed.vatBreakdown).toEqual([expect.objectContaining({ vatCategory: 'AE' })]);
    expect(reversed.legalMention).toMatch(/^Reverse charge/);
    // The invoice issued before stays as it was.
    expect((await db.query(`SELECT totals FROM invoicing.invoices WHERE number = $1`, [charged.number])).rows[0].totals).toMatchObject({
      vatMinor: 1900,
    });
    expect((await checksOf(customer.accountId)).map((c) => [c.result, c.reason])).toEqual([
      ['unavailable', 'NETWORK_ERROR'],
      ['valid', null],
    ]);
  });

  it('uses edited billing details from the next invoice on, and never changes an issued one (V1)', async () => {
    const customer = await signUp('FR');
    const before = await putDetails(customer, {
      legalName: 'Atelier Dupont SARL',
      buyerType: 'business',
      address: { line1: '3 rue des Lilas', city: 'Lyon', country: 'FR' },
    });
    expect(before.status).toBe(200);
    const first = await billAndPay(customer.accountId, '2026-11-23T09:00:00.000Z');

    const after = await putDetails(customer, {
      legalName: 'Dupont & Fils SAS',
      buyerType: 'business',
      vatNumber: 'FR82342464408',
      address: { line1: '8 quai Saint-Vincent', city: 'Lyon', country: 'FR' },
    });
    expect(after).toMatchObject({ status: 200, body: { legalName: 'Dupont & Fils SAS', vatStatus: 'verified' } });
    const second = await billAndPay(customer.accountId, '2026-12-23T09:00:00.000Z');

    const stored = await db.query(`SELECT number, buyer FROM invoicing.invoices WHERE account_id = $1 ORDER BY issued_at`, [
      customer.accountId,
    ]);
    expect(stored.rows.map((r: { number: string; buyer: { legalName: string; address: { line1: string } } }) => [
      r.number,
      r.buyer.legalName,
      r.buyer.address.line1,
    ])).toEqual([
      [first.number, 'Atelier Dupont SARL', '3 rue des Lilas'],
      [second.number, 'Dupont & Fils SAS', '8 quai Saint-Vincent'],
    ]);
    // A French business pays French VAT to a French seller, verified number or not.
    expect([first.totals.vatMinor, second.totals.vatMinor]).toEqual([2000, 2000]);
  });
});
