import { uniqueSuffix, waitFor } from '@obolus/testing';
import { Consumer, Kafka, logLevel } from 'kafkajs';
import { createHmac, randomBytes } from 'node:crypto';
import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { Client } from 'pg';
import Stripe from 'stripe';
import { Journey, StackHarness } from '../support/stack-harness';

interface Subscription {
  id: string;
  status: string;
  edition: string;
  term: string | null;
  seats: number;
  users: number;
  pendingSeats: number | null;
  currentPeriodStart: string | null;
  currentPeriodEnd: string | null;
}

interface Invoice {
  id: string;
  number: string;
  totals: { netMinor: number; vatMinor: number; grossMinor: number };
  lines: { description: string; quantity: number; unitPriceMinor: number; netMinor: number }[];
}

const DAY_MS = 86_400_000;
/** The CUI of obolus-ro, the seller of ro-crm: its invoices go to ANAF under it. */
const SELLER_CUI = '14040242';
/** The CUI of the Romanian buyer of these tests, which receives its own suppliers' invoices. */
const ROMANIAN_BUYER_CUI = '12448440';
/** Staff who get every account's e-Factura alerts (STAFF_ALERT_EMAILS). */
const EFACTURA_DESK = 'efactura-desk@obolus.example';

/**
 * Billing over time (issue 12), end to end: six services as processes, real Kafka and Postgres, the
 * Stripe and mail sandboxes, and only test clocks to move time. Each scenario runs its accounts on a
 * clock of its own, advances it, waits until every service reports it `ready`, then follows the
 * cascades (renewal, draft, charge, invoice, e-mail) to their end.
 */
describe('billing over time on test clocks', () => {
  const harness = new StackHarness(5450, {
    // ANAF keeps an upload `in prelucrare` until the test ends its processing (advanceProcessing).
    anaf: { processingDelayMs: 24 * 3600_000, warmUpValidator: true, accessTokenTtlSeconds: 6 * 86_400 },
    env: {
      EFACTURA_STATUS_POLL_MS: '1000',
      EFACTURA_INCOMING_POLL_MS: '60000',
      EFACTURA_INCOMING_LAG_MS: '0',
      STAFF_ALERT_EMAILS: EFACTURA_DESK,
    },
  });
  let db: Client;
  let stripe: Stripe;
  let integrator: Consumer;
  /** An integrator's copy of each account's entitlements, from entitlements.changed alone: the highest version wins. */
  const copies = new Map<string, { version: number } & Record<string, unknown>>();

  beforeAll(async () => {
    await harness.start();
    integrator = new Kafka({
      clientId: 'integrator-e2e',
      brokers: process.env.KAFKA_BROKERS!.split(','),
      logLevel: logLevel.NOTHING,
    }).consumer({
      groupId: `integrator-e2e-${uniqueSuffix()}`,
    });
    await integrator.connect();
    await integrator.subscribe({ topics: ['subscriptions.subscription.v1'], fromBeginning: true });
    await integrator.run({
      eachMessage: async ({ message }) => {
        const event = JSON.parse(message.value!.toString()) as { type: string; data: { accountId: string; version: number } };
        if (event.type !== 'obolus.subscriptions.entitlements.changed.v1') return;
        const held = copies.get(event.data.accountId);
        if (!held || held.version < event.data.version) copies.set(event.data.accountId, event.data);
      },
    });
    stripe = harness.stripeClient();
    db = new Client({ connectionString: process.env.DATABASE_ADMIN_URL });
    await db.connect();
  });

  afterAll(async () => {
    await integrator?.disconnect();
    await db?.end();
    await harness.stop();
  });

  const subscriptionsUrl = () => harness.url('subscriptions');
  const clockAt = (frozenTime: string) => harness.testClock(frozenTime, 'billing over time');
  const advance = (clockId: string, frozenTime: string) => harness.advanceClock(clockId, frozenTime);

  interface Customer {
    journey: Journey;
    accountId: string;
    owner: string;
  }

  /**
   * A company signs up on the clock, signs in, gives its billing details and saves a card. A Romanian buyer
   * may instead be a consumer (B2C), or a company that gives no CUI (its XML then fails BR-RO-120).
   */
  async function customer(
    catalog: 'fr-crm' | 'ro-crm',
    clockId: string,
    card = 'pm_card_visa',
    buyer: 'company' | 'consumer' | 'company-without-cui' = 'company',
  ): Promise<Customer> {
    const journey = new Journey();
    const tag = randomBytes(5).toString('hex');
    const fr = catalog === 'fr-crm';
    const owner = `owner+${tag}@${fr ? 'atelier-dupont.fr' : 'fabrica-stefanesti.ro'}`;
    const password = `Correct-Horse-${tag}`;
    const { accountId } = await journey.request<{ accountId: string }>('POST', `${harness.url('identity')}/accounts`, {
      companyName: fr ? 'Atelier Dupont SAS' : 'Fabrica de Pâine Ștefănești SRL',
      email: owner,
      password,
      country: fr ? 'FR' : 'RO',
      catalog,
      signupChannel: 'website',
      locale: fr ? 'fr' : 'ro',
      testClockId: clockId,
    });
    const session = await journey.request<{ accessToken: string }>('POST', `${harness.url('identity')}/auth/sign-in`, {
      email: owner,
      password,
    });
    journey.accessToken = session.accessToken;
    await journey.request('PUT', `${harness.url('invoicing')}/accounts/${accountId}/billing-details`, {
      legalName: fr ? 'Atelier Dupont SAS' : buyer === 'consumer' ? 'Ioana Popescu' : 'Fabrica de Pâine Ștefănești SRL',
      buyerType: buyer === 'consumer' ? 'individual' : 'business',
      ...(fr
        ? { vatNumber: 'FR40303265045' }
        : buyer === 'company'
          ? { companyId: ROMANIAN_BUYER_CUI, tradeRegisterNumber: 'J22/123/2010' }
          : {}),
      address: fr
        ? { line1: '8 rue des Lilas', city: 'Lyon', postalCode: '69003', country: 'FR' }
        : { line1: 'Bd. Ștefan cel Mare 1', city: 'Iași', postalCode: '700028', countrySubdivision: 'RO-IS', country: 'RO' },
    });
    await subscriptionOf({ journey, accountId, owner }, (s) => s.status === 'trialing');
    const setup = await journey.request<{ setupIntentId: string }>(
      'POST',
      `${harness.url('payments')}/accounts/${accountId}/payment-methods/setup-intents`,
      {},
    );
    await stripe.setupIntents.confirm(setup.setupIntentId, { payment_method: card });
    await waitFor(
      () =>
        journey
          .request<{ default: unknown }>('GET', `${harness.url('payments')}/accounts/${accountId}/payment-methods`)
          .then((m) => m.default ?? undefined),
      { what: 'the saved card', timeoutMs: 60_000 },
    );
    return { journey, accountId, owner };
  }

  async function subscriptionOf(who: Customer, until: (s: Subscription) => boolean = () => true): Promise<Subscription> {
    return waitFor(
      () =>
        who.journey
          .request<Subscription>('GET', `${subscriptionsUrl()}/accounts/${who.accountId}/subscription`, undefined, [200, 404])
          .then((s) => (s.status && until(s) ? s : undefined)),
      { what: `the subscription of ${who.accountId}`, timeoutMs: 60_000, intervalMs: 250 },
    );
  }

  const purchase = (who: Customer, body: { edition: string; term: string; seats: number }) =>
    who.journey.request<Subscription>('POST', `${subscriptionsUrl()}/accounts/${who.accountId}/subscription/purchase`, {
      ...body,
      paymentMethod: 'card',
    });

  /** The account's issued invoices, oldest first, once there are `count`: number, issue date, paid amount. */
  async function issued(accountId: string, count: number) {
    return waitFor(
      async () => {
        const { rows } = await db.query<{ id: string; number: string; issue_date: string }>(
          `SELECT id, number, to_char(issue_date, 'YYYY-MM-DD') AS issue_date FROM invoicing.invoices
            WHERE account_id = $1 ORDER BY issued_at, number`,
          [accountId],
        );
        return rows.length >= count ? rows : undefined;
      },
      { what: `${count} invoices of ${accountId}`, timeoutMs: 120_000, intervalMs: 250 },
    );
  }

  async function count(sql: string, accountId: string): Promise<number> {
    return Number((await db.query(sql, [accountId])).rows[0].n);
  }

  const invoiceEmailsTo = (owner: string) =>
    harness.mail.messages().filter((m) => m.envelope.to.includes(owner) && /^(Facture|Factura) /.test(m.subject));

  const deliveries = (accountId: string, template: string) =>
    count(`SELECT count(*) AS n FROM notifications.deliveries WHERE account_id = $1 AND template = '${template}'`, accountId);

  const plusDays = (date: string, days: number) => new Date(Date.parse(date) + days * DAY_MS).toISOString().slice(0, 10);

  /** A German company on fr-crm, in English, on the clock: signs up, gives its VAT number, saves a card. */
  async function germanBusiness(clockId: string, vatNumber: string) {
    const journey = new Journey();
    const tag = randomBytes(5).toString('hex');
    const owner = `einkauf+${tag}@maschinenbau-weber.de`;
    const password = `Correct-Horse-${tag}`;
    const { accountId } = await journey.request<{ accountId: string }>('POST', `${harness.url('identity')}/accounts`, {
      companyName: 'Maschinenbau Weber GmbH',
      email: owner,
      password,
      country: 'DE',
      catalog: 'fr-crm',
      signupChannel: 'website',
      locale: 'en',
      testClockId: clockId,
    });
    const session = await journey.request<{ accessToken: string }>('POST', `${harness.url('identity')}/auth/sign-in`, {
      email: owner,
      password,
    });
    journey.accessToken = session.accessToken;
    const details = await journey.send('PUT', `${harness.url('invoicing')}/accounts/${accountId}/billing-details`, {
      legalName: 'Maschinenbau Weber GmbH',
      buyerType: 'business',
      vatNumber,
      address: { line1: 'Industriestraße 7', city: 'Stuttgart', postalCode: '70565', country: 'DE' },
    });
    const who = { journey, accountId, owner };
    await subscriptionOf(who, (s) => s.status === 'trialing');
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
    return { ...who, details };
  }

  /** A test clock that remembers where it stands, so that a test can move it on by a little. */
  async function steppedClock(start: string) {
    const id = await clockAt(start);
    let at = Date.parse(start);
    return {
      id,
      to: async (iso: string) => {
        await advance(id, iso);
        at = Date.parse(iso);
      },
      by: async (ms: number) => {
        at += ms;
        await advance(id, new Date(at).toISOString());
      },
    };
  }

  const gateway = () => harness.url('efactura-gateway');

  /** The owner authorises Obolus with ANAF for a CUI: ANAF's approval page (the certificate step), then the callback. */
  async function connectAnaf(who: Customer, cif: string): Promise<void> {
    const { authorizeUrl } = await who.journey.request<{ authorizeUrl: string }>(
      'POST',
      `${gateway()}/accounts/${who.accountId}/efactura/authorizations`,
      { cif: `RO${cif}` },
      [201],
    );
    const page = await (await fetch(authorizeUrl)).text();
    const requestId = /name="request_id" value="([^"]+)"/.exec(page)?.[1];
    expect(requestId).toBeDefined();
    const decision = await fetch(`${harness.anaf!.url}/anaf-oauth2/v1/authorize/decision`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ request_id: requestId!, decision: 'approve', cifs: cif }).toString(),
    });
    expect(decision.status).toBe(302);
    expect((await fetch(decision.headers.get('location')!)).status).toBe(200);
    expect(
      await who.journey.request('GET', `${gateway()}/accounts/${who.accountId}/efactura/authorizations/${cif}`),
    ).toMatchObject({ connected: true, status: 'connected' });
  }

  interface Submission {
    status: string;
    endpoint: string;
    uploadIndex: string | null;
    anafErrors: string[];
    archived: boolean;
    signer: string | null;
  }

  /** An invoice's submission once its status is one of `statuses`; `nudge` (moving the clock on) lets due polls run. */
  async function submissionOnce(who: Customer, invoiceId: string, statuses: string[], nudge?: () => Promise<void>) {
    return waitFor(
      async () => {
        const found = await who.journey.request<Submission>(
          'GET',
          `${gateway()}/accounts/${who.accountId}/efactura/invoices/${invoiceId}/submission`,
          undefined,
          [200, 404],
        );
        if (statuses.includes(found.status)) return found;
        await nudge?.();
        return undefined;
      },
      { what: `the submission of ${invoiceId} ${statuses.join(' or ')}`, timeoutMs: 120_000, intervalMs: 500 },
    );
  }

  /** The calls on a path that the ANAF sandbox answered 200, oldest first. */
  const anafCalls = (path: string) => harness.anaf!.requests(path).filter((r) => r.status === 200);

  const mailsTo = (address: string, subject: RegExp) =>
    harness.mail
      .messages()
      .filter((m) => m.envelope.to.includes(address) && subject.test(m.subject))
      .sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));

  async function outboxEvents(type: string, accountId: string): Promise<Record<string, unknown>[]> {
    const { rows } = await db.query<{ data: Record<string, unknown> }>(
      `SELECT envelope->'data' AS data FROM efactura_gateway.outbox
        WHERE envelope->>'type' = $1 AND envelope->'data'->>'accountId' = $2 ORDER BY created_at`,
      [type, accountId],
    );
    return rows.map((r) => r.data);
  }

  /** The VAT of an account's invoices, oldest first: category, rate and the mention. */
  async function vatOfInvoices(accountId: string, count: number) {
    await issued(accountId, count);
    const { rows } = await db.query<{ category: string; rate: number; vat: number; mention: string | null }>(
      `SELECT vat_breakdown->0->>'vatCategory' AS category, (vat_breakdown->0->>'vatRateBasisPoints')::int AS rate,
              (totals->>'vatMinor')::int AS vat, legal_mention AS mention
         FROM invoicing.invoices WHERE account_id = $1 ORDER BY issued_at, number`,
      [accountId],
    );
    return rows;
  }

  it('VIES: a German business with a valid number is reverse-charged with the mention; an invalid one gets a 422 and German VAT; with VIES down it pays VAT, and once VIES is back and the re-check has run on the clock, its next invoice is reverse-charged; every check is audited', async () => {
    const clockId = await clockAt('2027-02-01T09:00:00Z');
    const valid = await germanBusiness(clockId, 'DE108262480');
    expect(valid.details.status).toBe(200);
    const invalid = await germanBusiness(clockId, 'DE111111117');
    expect(invalid.details.status).toBe(422);
    expect(invalid.details.json).toMatchObject({ code: 'VAT_NUMBER_INVALID', fields: [{ field: 'vatNumber' }] });
    const { status: noDetails } = await invalid.journey.send(
      'GET',
      `${harness.url('invoicing')}/accounts/${invalid.accountId}/billing-details`,
    );
    expect(noDetails).toBe(404);
    harness.vies.setDown(true);
    const waiting = await germanBusiness(clockId, 'DE108262480');
    expect(waiting.details.status).toBe(200);
    expect(waiting.details.json).toMatchObject({ vatStatus: 'pending' });

    for (const who of [valid, invalid, waiting]) await purchase(who, { edition: 'dream-team', term: 'monthly', seats: 1 });
    const [reverse] = await vatOfInvoices(valid.accountId, 1);
    expect(reverse).toMatchObject({ category: 'AE', rate: 0, vat: 0 });
    expect(reverse!.mention).toMatch(/Reverse charge/);
    // Not verified: the German rate through OSS (V3), never reverse charge.
    expect((await vatOfInvoices(invalid.accountId, 1))[0]).toMatchObject({ category: 'S', rate: 1900, vat: 741 });
    expect((await vatOfInvoices(waiting.accountId, 1))[0]).toMatchObject({ category: 'S', rate: 1900, vat: 741 });

    // VIES comes back; the scheduled re-checks run as the clock moves, and the number is verified.
    harness.vies.setDown(false);
    for (const to of ['2027-02-01T10:30:00Z', '2027-02-01T16:00:00Z', '2027-02-02T17:00:00Z']) {
      await advance(clockId, to);
      const { vatStatus } = await waiting.journey.request<{ vatStatus: string }>(
        'GET',
        `${harness.url('invoicing')}/accounts/${waiting.accountId}/billing-details`,
      );
      if (vatStatus === 'verified') break;
    }
    await waitFor(
      () =>
        waiting.journey
          .request<{ vatStatus: string }>('GET', `${harness.url('invoicing')}/accounts/${waiting.accountId}/billing-details`)
          .then((d) => (d.vatStatus === 'verified' ? d : undefined)),
      { what: 'the VAT number verified after VIES came back', timeoutMs: 60_000 },
    );
    // The next invoice, 30 days on, is reverse-charged; the first stays as it was issued.
    await advance(clockId, '2027-03-04T09:00:00Z');
    const [before, after] = await vatOfInvoices(waiting.accountId, 2);
    expect(before).toMatchObject({ category: 'S', rate: 1900 });
    expect(after).toMatchObject({ category: 'AE', rate: 0, vat: 0 });
    expect(after!.mention).toMatch(/Reverse charge/);

    // Every check is in the audit table: what was asked, when, and what VIES said.
    const audit = async (accountId: string) =>
      (
        await db.query<{ result: string; vat_number: string }>(
          'SELECT result, vat_number FROM invoicing.vat_number_checks WHERE account_id = $1 ORDER BY checked_at',
          [accountId],
        )
      ).rows;
    expect(await audit(valid.accountId)).toEqual([{ result: 'valid', vat_number: '108262480' }]);
    expect(await audit(invalid.accountId)).toEqual([{ result: 'invalid', vat_number: '111111117' }]);
    const checks = await audit(waiting.accountId);
    expect(checks[0]).toEqual({ result: 'unavailable', vat_number: '108262480' });
    expect(checks[checks.length - 1]).toEqual({ result: 'valid', vat_number: '108262480' });
  });

  it('fr-crm monthly: invoices 2, 3 and 4 come 30, 60 and 90 days after the first, each paid and e-mailed; a trial that ran out is blocked, keeps its data, and a purchase unblocks it', async () => {
    const clockId = await clockAt('2027-03-01T09:00:00Z');
    const buyer = await customer('fr-crm', clockId);
    const idle = await customer('fr-crm', clockId);
    await purchase(buyer, { edition: 'dream-team', term: 'monthly', seats: 3 });
    const [first] = await issued(buyer.accountId, 1);
    expect(first!.issue_date).toBe('2027-03-01');

    await advance(clockId, '2027-06-04T09:00:00Z');
    const invoices = await issued(buyer.accountId, 4);
    expect(invoices.map((i) => i.issue_date)).toEqual(['2027-03-01', '2027-03-31', '2027-04-30', '2027-05-30']);
    expect(invoices.map((i) => i.issue_date)).toEqual([0, 30, 60, 90].map((days) => plusDays('2027-03-01', days)));
    await waitFor(() => (invoiceEmailsTo(buyer.owner).length >= 4 ? true : undefined), {
      what: 'four invoice e-mails',
      timeoutMs: 120_000,
    });
    // Each renewal billed once, paid once, e-mailed once, and each e-mail names its invoice.
    expect(
      new Set(invoiceEmailsTo(buyer.owner).map((m) => invoices.find((i) => m.subject.includes(i.number))?.number)).size,
    ).toBe(4);
    expect(invoiceEmailsTo(buyer.owner)).toHaveLength(4);
    expect(
      await count(`SELECT count(*) AS n FROM payments.payments WHERE account_id = $1 AND status = 'succeeded'`, buyer.accountId),
    ).toBe(4);
    const renewed = await buyer.journey.request<Invoice>(
      'GET',
      `${harness.url('invoicing')}/accounts/${buyer.accountId}/invoices/${invoices[3]!.id}`,
    );
    expect(renewed.lines).toEqual([
      expect.objectContaining({
        description: 'Dream Team (monthly), 2027-05-30 – 2027-06-28',
        quantity: 3,
        unitPriceMinor: 3900,
      }),
    ]);
    expect(renewed.totals).toMatchObject({ netMinor: 11700, vatMinor: 2340, grossMinor: 14040 });
    expect(await subscriptionOf(buyer)).toMatchObject({
      status: 'active',
      currentPeriodStart: '2027-05-30',
      currentPeriodEnd: '2027-06-29',
    });

    // The idle account's trial (15 days from the website) ran out on 16 March: blocked, data kept.
    expect(await subscriptionOf(idle)).toMatchObject({ status: 'blocked', edition: 'dream-team' });
    expect(await deliveries(idle.accountId, 'trial-ending')).toBe(1);
    const entitlements = await idle.journey.request<{ status: string; features: string[] }>(
      'GET',
      `${subscriptionsUrl()}/accounts/${idle.accountId}/entitlements`,
    );
    expect(entitlements).toMatchObject({ status: 'blocked', features: [] });
    const details = await idle.journey.request<{ legalName: string }>(
      'GET',
      `${harness.url('invoicing')}/accounts/${idle.accountId}/billing-details`,
    );
    expect(details.legalName).toBe('Atelier Dupont SAS');
    await purchase(idle, { edition: 'dream-team', term: 'monthly', seats: 1 });
    expect(await subscriptionOf(idle)).toMatchObject({ status: 'active', currentPeriodStart: '2027-06-04' });
    const [unblocked] = await issued(idle.accountId, 1);
    expect(unblocked!.issue_date).toBe('2027-06-04');
  });

  it('ro-crm prepaid: the trial ends on Standard; prepaid-6 runs 6 months from the payment, prepaid-1 adds a month; the notice comes 10 days before, and at expiry the account is on Standard', async () => {
    const clockId = await clockAt('2027-01-10T08:00:00Z');
    const who = await customer('ro-crm', clockId);
    await connectAnaf(who, SELLER_CUI);
    const standard = ['contacts', 'deals', 'tasks'];

    // The trial (one month, last day 9 February) is announced to end 10 days before (B6)…
    await advance(clockId, '2027-02-01T08:00:00Z');
    await waitFor(() => (mailsTo(who.owner, /^Perioada de probă se încheie/).length === 1 ? true : undefined), {
      what: 'the trial-ending e-mail',
      timeoutMs: 60_000,
    });
    // …and ends without a purchase: Standard, free (T3).
    await advance(clockId, '2027-02-11T08:00:00Z');
    expect(await subscriptionOf(who)).toMatchObject({ status: 'free', edition: 'standard' });
    expect(await deliveries(who.accountId, 'trial-ending')).toBe(1);
    await waitFor(
      () =>
        harness.mail
          .messages()
          .some((m) => m.envelope.to.includes(who.owner) && m.subject.startsWith('Perioada de probă s-a încheiat'))
          ? true
          : undefined,
      { what: 'the trial-ended e-mail', timeoutMs: 60_000 },
    );

    await purchase(who, { edition: 'premium', term: 'prepaid-6', seats: 1 });
    expect(await subscriptionOf(who)).toMatchObject({ status: 'active', edition: 'premium', currentPeriodEnd: '2027-08-11' });
    const [first] = await issued(who.accountId, 1);
    expect(first!.issue_date).toBe('2027-02-11');
    // ANAF accepts the first invoice.
    await submissionOnce(who, first!.id, ['uploaded']);
    await harness.anaf!.advanceProcessing();
    await submissionOnce(who, first!.id, ['accepted'], () => advance(clockId, '2027-02-11T08:10:00Z'));

    // During the period, a month more counts from the current expiry (B2).
    await advance(clockId, '2027-04-01T08:00:00Z');
    // ANAF will reject the next upload, on a rule our validator does not know.
    harness.anaf!.rejectNext({ errors: ['E: [BR-RO-999] numele cumpărătorului nu corespunde registrului ONRC'] });
    await purchase(who, { edition: 'premium', term: 'prepaid-1', seats: 1 });
    expect(await subscriptionOf(who)).toMatchObject({ currentPeriodEnd: '2027-09-11' });
    const extended = await issued(who.accountId, 2);
    expect(extended[1]!.issue_date).toBe('2027-04-01');
    await submissionOnce(who, extended[1]!.id, ['uploaded']);
    await harness.anaf!.advanceProcessing();
    const rejected = await submissionOnce(who, extended[1]!.id, ['rejected'], () => advance(clockId, '2027-04-01T08:10:00Z'));
    expect(rejected.anafErrors.join(' ')).toContain('BR-RO-999');
    const rejectedSubject = `e-Factura: factura ${extended[1]!.number} a fost respinsă de ANAF`;
    await waitFor(
      () =>
        mailsTo(who.owner, /respinsă/).length === 1 && mailsTo(EFACTURA_DESK, new RegExp(rejectedSubject)).length === 1
          ? true
          : undefined,
      { what: 'the rejection e-mail to the owner and the staff', timeoutMs: 60_000 },
    );
    // Not corrected, it is still due at ANAF by 8 April: the alerts 2 and 1 working days before go out.
    await advance(clockId, '2027-04-08T08:00:00Z');
    await waitFor(
      () => (mailsTo(who.owner, /trebuie să ajungă la ANAF până pe 8 aprilie 2027$/).length === 2 ? true : undefined),
      {
        what: 'the two deadline alerts of the rejected invoice',
        timeoutMs: 60_000,
      },
    );
    const line = await who.journey.request<Invoice>(
      'GET',
      `${harness.url('invoicing')}/accounts/${who.accountId}/invoices/${extended[1]!.id}`,
    );
    expect(line.lines).toEqual([
      expect.objectContaining({ description: 'Premium (prepaid-1), 2027-08-11 – 2027-09-10', quantity: 1, unitPriceMinor: 4900 }),
    ]);

    // The last day paid is 10 September: the notice is due at the start of 1 September, Bucharest time.
    await advance(clockId, '2027-08-31T20:30:00Z');
    expect(await deliveries(who.accountId, 'subscription-expiring')).toBe(0);
    await advance(clockId, '2027-08-31T21:30:00Z');
    expect(await deliveries(who.accountId, 'subscription-expiring')).toBe(1);
    await waitFor(
      () =>
        harness.mail.messages().find((m) => m.envelope.to.includes(who.owner) && m.text?.includes('10 septembrie 2027'))
          ? true
          : undefined,
      { what: 'the expiry notice e-mail, in Romanian, naming the last day', timeoutMs: 60_000 },
    );

    // Still Premium on its last day; Standard from the start of 11 September.
    await advance(clockId, '2027-09-10T20:30:00Z');
    expect(await subscriptionOf(who)).toMatchObject({ status: 'active', edition: 'premium' });
    await advance(clockId, '2027-09-10T21:30:00Z');
    expect(await subscriptionOf(who)).toMatchObject({ status: 'free', edition: 'standard' });
    const entitlements = await who.journey.request<{ edition: string; features: string[] }>(
      'GET',
      `${subscriptionsUrl()}/accounts/${who.accountId}/entitlements`,
    );
    expect(entitlements).toMatchObject({ edition: 'standard', features: standard });
    expect(await issued(who.accountId, 2)).toHaveLength(2);

    // The owner heard of each step of the year, in Romanian and in order (issue 17).
    const expected = [
      /^Bun venit, /,
      /^Perioada de probă se încheie pe 9 februarie 2027$/,
      /^Perioada de probă s-a încheiat: ediția Standard$/,
      /^Factura /,
      /^Factura /,
      /^e-Factura: factura .* a fost respinsă de ANAF$/,
      /^e-Factura: factura .* trebuie să ajungă la ANAF până pe 8 aprilie 2027$/,
      /^e-Factura: factura .* trebuie să ajungă la ANAF până pe 8 aprilie 2027$/,
      /^Abonamentul Premium expiră pe 10 septembrie 2027$/,
      /^Abonamentul Premium a expirat$/,
    ];
    const received = await waitFor(
      () => {
        const subjects = harness.mail
          .messages()
          .filter((m) => m.envelope.to.includes(who.owner))
          .sort((a, b) => a.receivedAt.localeCompare(b.receivedAt))
          .map((m) => m.subject);
        return subjects.length >= expected.length ? subjects : undefined;
      },
      { what: 'the ten e-mails of the year', timeoutMs: 60_000 },
    );
    expect(received).toHaveLength(expected.length);
    received.forEach((subject, index) => expect(subject).toMatch(expected[index]!));
    const expiredMail = harness.mail
      .messages()
      .find((m) => m.envelope.to.includes(who.owner) && m.subject === 'Abonamentul Premium a expirat');
    expect(expiredMail?.text).toContain('s-a încheiat pe 10 septembrie 2027');
    expect(expiredMail?.html).toContain('<html lang="ro">');
  });

  it('seats: two users who join mid-period are prorated on the next invoice to the cent; a removed user releases its seat at the period end', async () => {
    const clockId = await clockAt('2027-06-01T10:00:00Z');
    const who = await customer('fr-crm', clockId);
    await purchase(who, { edition: 'dream-team', term: 'monthly', seats: 1 });
    await issued(who.accountId, 1);

    await advance(clockId, '2027-06-12T10:00:00Z');
    const joined: string[] = [];
    for (const name of ['Claire', 'Hugo']) {
      const invitee = `${name.toLowerCase()}+${randomBytes(4).toString('hex')}@atelier-dupont.fr`;
      await who.journey.request('POST', `${harness.url('identity')}/accounts/${who.accountId}/invitations`, {
        email: invitee,
        role: 'user',
      });
      const token = await waitFor(
        async () => {
          const { rows } = await db.query<{ url: string }>(
            `SELECT envelope->'data'->>'acceptUrl' AS url FROM identity.outbox
              WHERE event_type = 'obolus.identity.user.invited.v1' AND envelope->'data'->>'email' = $1`,
            [invitee],
          );
          return rows[0] ? new URL(rows[0].url).searchParams.get('token') : undefined;
        },
        { what: `the invitation of ${invitee}` },
      );
      const accepted = await new Journey().request<{ userId: string }>('POST', `${harness.url('identity')}/invitations/accept`, {
        token,
        password: `Colleague-pass-${name}-2027`,
        name,
      });
      joined.push(accepted.userId);
    }
    expect(await subscriptionOf(who, (s) => s.seats === 3)).toMatchObject({ seats: 3, users: 3 });

    // By hand: 39.00 EUR a seat for 30 days (1 June to 30 June); 19 days left from 12 June.
    // 3900 × 19 / 30 = 2470 exactly, per added seat, one line per user.
    const prorated = Math.round((3900 * 19) / 30);
    expect(prorated).toBe(2470);
    await advance(clockId, '2027-07-01T10:00:00Z');
    const invoices = await issued(who.accountId, 2);
    expect(invoices[1]!.issue_date).toBe('2027-07-01');
    const renewal = await who.journey.request<Invoice>(
      'GET',
      `${harness.url('invoicing')}/accounts/${who.accountId}/invoices/${invoices[1]!.id}`,
    );
    expect(renewal.lines).toEqual([
      expect.objectContaining({
        description: 'Dream Team (monthly), 2027-07-01 – 2027-07-30',
        quantity: 3,
        unitPriceMinor: 3900,
        netMinor: 11700,
      }),
      expect.objectContaining({
        description: 'Dream Team: 1 user(s) added, 2027-06-12 – 2027-06-30 (19/30 days)',
        quantity: 1,
        unitPriceMinor: prorated,
        netMinor: prorated,
      }),
      expect.objectContaining({
        description: 'Dream Team: 1 user(s) added, 2027-06-12 – 2027-06-30 (19/30 days)',
        quantity: 1,
        unitPriceMinor: prorated,
        netMinor: prorated,
      }),
    ]);
    const net = 3 * 3900 + 2 * prorated;
    expect(renewal.totals).toEqual(
      expect.objectContaining({ netMinor: net, vatMinor: Math.round(net * 0.2), grossMinor: net + Math.round(net * 0.2) }),
    );

    // A removal mid-period gives no credit: the period stays paid, and the seat goes at its end.
    await who.journey.request(
      'DELETE',
      `${harness.url('identity')}/accounts/${who.accountId}/users/${joined[0]}`,
      undefined,
      [200, 204],
    );
    expect(await subscriptionOf(who, (s) => s.users === 2)).toMatchObject({ seats: 3, users: 2, pendingSeats: 2 });
    await advance(clockId, '2027-07-31T10:00:00Z');
    const third = await issued(who.accountId, 3);
    const next = await who.journey.request<Invoice>(
      'GET',
      `${harness.url('invoicing')}/accounts/${who.accountId}/invoices/${third[2]!.id}`,
    );
    expect(next.lines).toEqual([expect.objectContaining({ quantity: 2, unitPriceMinor: 3900 })]);
  });

  it('a subscriptions instance killed while the clock advances, and restarted, misses and doubles no renewal', async () => {
    const clockId = await clockAt('2027-02-01T09:00:00Z');
    const crowd = await Promise.all([0, 1, 2, 3, 4, 5].map(() => customer('fr-crm', clockId)));
    for (const who of crowd) await purchase(who, { edition: 'dream-team', term: 'monthly', seats: 2 });
    await Promise.all(crowd.map((who) => issued(who.accountId, 1)));

    await new Journey().request(
      'POST',
      `${subscriptionsUrl()}/test-clocks/${clockId}/advance`,
      { frozenTime: '2027-05-08T09:00:00Z' },
      [202],
    );
    // Kill it as soon as the first renewals are done, while the rest are still due.
    const accounts = crowd.map((who) => who.accountId);
    const renewalsDone = async () =>
      Number(
        (
          await db.query(
            `SELECT count(*) AS n FROM subscriptions.scheduled_jobs
              WHERE account_id = ANY($1::uuid[]) AND kind = 'subscriptions.renewal' AND status = 'done'`,
            [accounts],
          )
        ).rows[0].n,
      );
    await waitFor(async () => ((await renewalsDone()) > 0 ? true : undefined), { what: 'the first renewal', intervalMs: 5 });
    await harness.kill('subscriptions');
    const doneAtKill = await renewalsDone();
    process.stdout.write(`billing over time: subscriptions killed with ${doneAtKill} of 18 renewals done\n`);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await harness.startService('subscriptions');
    await harness.untilClockReady(clockId);

    for (const who of crowd) {
      const invoices = await issued(who.accountId, 4);
      expect(invoices.map((i) => i.issue_date)).toEqual(['2027-02-01', '2027-03-03', '2027-04-02', '2027-05-02']);
    }
    await new Promise((resolve) => setTimeout(resolve, 3000));
    for (const who of crowd) {
      expect(await count('SELECT count(*) AS n FROM invoicing.invoices WHERE account_id = $1', who.accountId)).toBe(4);
      expect(await count('SELECT count(*) AS n FROM invoicing.drafts WHERE account_id = $1', who.accountId)).toBe(4);
      expect(
        await count(
          `SELECT count(*) AS n FROM subscriptions.scheduled_jobs WHERE account_id = $1 AND kind = 'subscriptions.renewal' AND status = 'done'`,
          who.accountId,
        ),
      ).toBe(3);
      expect(
        await count(`SELECT count(*) AS n FROM payments.payments WHERE account_id = $1 AND status = 'succeeded'`, who.accountId),
      ).toBe(4);
    }
  });

  it('an integrator consuming entitlements.changed alone agrees with GET entitlements after trial end, purchase, seat change and expiry', async () => {
    const clockId = await clockAt('2027-10-01T08:00:00Z');
    const who = await customer('ro-crm', clockId);
    const agrees = async (
      step: string,
      until: (api: { edition: string; status: string; usage: { seats: number } }) => boolean,
    ) => {
      const api = await waitFor(
        async () => {
          const answer = await who.journey.request<{
            edition: string;
            status: string;
            usage: { seats: number };
            version: number;
          }>('GET', `${subscriptionsUrl()}/accounts/${who.accountId}/entitlements`);
          return until(answer) ? answer : undefined;
        },
        { what: `the entitlements after ${step}` },
      );
      const { changedAt: _changedAt, ...copy } = await waitFor(
        () => {
          const held = copies.get(who.accountId);
          return held && held.version >= api.version ? held : undefined;
        },
        { what: `the integrator's copy after ${step}`, timeoutMs: 60_000 },
      );
      expect({ step, ...copy }).toEqual({ step, ...api });
    };

    await agrees('trial start', (api) => api.status === 'trialing');
    await advance(clockId, '2027-11-02T08:00:00Z');
    await agrees('trial end', (api) => api.status === 'free' && api.edition === 'standard');
    await purchase(who, { edition: 'premium', term: 'prepaid-1', seats: 1 });
    await agrees('purchase', (api) => api.edition === 'premium');
    const invitee = `ioana+${randomBytes(4).toString('hex')}@fabrica-stefanesti.ro`;
    await who.journey.request('POST', `${harness.url('identity')}/accounts/${who.accountId}/invitations`, {
      email: invitee,
      role: 'user',
    });
    const token = await waitFor(
      async () => {
        const { rows } = await db.query<{ url: string }>(
          `SELECT envelope->'data'->>'acceptUrl' AS url FROM identity.outbox
            WHERE event_type = 'obolus.identity.user.invited.v1' AND envelope->'data'->>'email' = $1`,
          [invitee],
        );
        return rows[0] ? new URL(rows[0].url).searchParams.get('token') : undefined;
      },
      { what: 'the invitation' },
    );
    await new Journey().request('POST', `${harness.url('identity')}/invitations/accept`, {
      token,
      password: 'Colleague-pass-Ioana-2027',
      name: 'Ioana',
    });
    await agrees('seat change', (api) => api.usage.seats === 2);
    await advance(clockId, '2027-12-03T08:00:00Z');
    await agrees('expiry', (api) => api.edition === 'standard' && api.status === 'free');
  });

  it('webhooks: invoice.issued reaches a receiver on loopback signed; 500 three times, then 200, on the test clock; a replay keeps the webhook-id; another account hears nothing; SSRF targets are refused', async () => {
    const clockId = await clockAt('2027-09-01T09:00:00Z');
    const buyer = await customer('fr-crm', clockId);
    const other = await customer('fr-crm', clockId);
    const mine = await receiver();
    const theirs = await receiver();
    try {
      const notifications = harness.url('notifications');
      const register = (who: Customer, url: string, expected = [201]) =>
        who.journey.request<{ id: string; secret: string; fields?: { field: string; reason: string }[] }>(
          'POST',
          `${notifications}/accounts/${who.accountId}/webhook-endpoints`,
          { url, eventTypes: ['invoice.issued'], description: 'CRM billing sync' },
          expected,
        );
      for (const target of ['https://169.254.169.254/latest/meta-data/', 'https://10.0.0.1/hooks', 'https://localhost/hooks']) {
        const refused = await register(buyer, target, [400]);
        expect(refused.fields?.[0]?.field).toBe('url');
      }
      const endpoint = await register(buyer, mine.url);
      await register(other, theirs.url);

      mine.answers.push(500, 500, 500);
      await purchase(buyer, { edition: 'dream-team', term: 'monthly', seats: 1 });
      const [invoice] = await issued(buyer.accountId, 1);
      await waitFor(() => (mine.requests.length === 1 ? true : undefined), { what: 'attempt 1', timeoutMs: 60_000 });
      for (const [at, attempts] of [
        ['2027-09-01T09:00:05Z', 2],
        ['2027-09-01T09:05:05Z', 3],
        ['2027-09-01T09:35:05Z', 4],
      ] as const) {
        await advance(clockId, at);
        await waitFor(() => (mine.requests.length === attempts ? true : undefined), {
          what: `attempt ${attempts}`,
          timeoutMs: 60_000,
        });
      }
      const delivered = mine.requests[3]!;
      const event = JSON.parse(delivered.body) as { type: string; data: { accountId: string; number: string } };
      expect(event).toMatchObject({
        type: 'obolus.invoicing.invoice.issued.v1',
        data: { accountId: buyer.accountId, number: invoice!.number },
      });
      expect(standardWebhookValid(endpoint.secret, delivered.headers, delivered.body)).toBe(true);
      expect(new Set(mine.requests.map((r) => r.headers['webhook-id'])).size).toBe(1);

      const [log] = await buyer.journey.request<
        { id: string; status: string; attempts: { statusCode: number; dueAt: string }[] }[]
      >('GET', `${notifications}/accounts/${buyer.accountId}/webhook-endpoints/${endpoint.id}/deliveries`);
      expect(log).toMatchObject({ status: 'delivered' });
      expect(log!.attempts.map((a) => [a.statusCode, a.dueAt])).toEqual([
        [500, '2027-09-01T09:00:00.000Z'],
        [500, '2027-09-01T09:00:05.000Z'],
        [500, '2027-09-01T09:05:05.000Z'],
        [200, '2027-09-01T09:35:05.000Z'],
      ]);

      await buyer.journey.request(
        'POST',
        `${notifications}/accounts/${buyer.accountId}/webhook-endpoints/${endpoint.id}/deliveries/${log!.id}/replay`,
      );
      await waitFor(() => (mine.requests.length === 5 ? true : undefined), { what: 'the replay', timeoutMs: 60_000 });
      expect(mine.requests[4]!.headers['webhook-id']).toBe(delivered.headers['webhook-id']);
      expect(standardWebhookValid(endpoint.secret, mine.requests[4]!.headers, mine.requests[4]!.body)).toBe(true);

      // The other account bought nothing: its endpoint heard nothing of the buyer's invoice.
      expect(theirs.requests).toHaveLength(0);
    } finally {
      await mine.close();
      await theirs.close();
    }
  });

  it('dunning: a card that declines is tried again on days 3, 5 and 7, the owner told each time in French; after the last, the fr-crm account is blocked; a new card is charged at once', async () => {
    const clockId = await clockAt('2027-10-01T09:00:00Z');
    const unpaid = await customer('fr-crm', clockId, 'pm_card_chargeCustomerFail');
    const rescued = await customer('fr-crm', clockId, 'pm_card_chargeCustomerFail');
    const failedMails = (who: Customer) =>
      harness.mail
        .messages()
        .filter((m) => m.envelope.to.includes(who.owner) && /paiement de/.test(m.subject))
        .sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));
    await purchase(unpaid, { edition: 'dream-team', term: 'monthly', seats: 1 });
    await purchase(rescued, { edition: 'dream-team', term: 'monthly', seats: 1 });
    await waitFor(() => (failedMails(unpaid).length === 1 && failedMails(rescued).length === 1 ? true : undefined), {
      what: 'the first payment-failed e-mails',
      timeoutMs: 60_000,
    });
    expect(failedMails(unpaid)[0]!.text).toContain('Nous réessaierons le 4 octobre 2027');

    // The rescued customer saves a card that works: the retry happens at once, and the invoice follows.
    const setup = await rescued.journey.request<{ setupIntentId: string }>(
      'POST',
      `${harness.url('payments')}/accounts/${rescued.accountId}/payment-methods/setup-intents`,
      {},
    );
    await stripe.setupIntents.confirm(setup.setupIntentId, { payment_method: 'pm_card_visa' });
    const [paid] = await issued(rescued.accountId, 1);
    expect(paid!.issue_date).toBe('2027-10-01');

    for (const [at, mails] of [
      ['2027-10-04T09:30:00Z', 2],
      ['2027-10-06T09:30:00Z', 3],
      ['2027-10-08T09:30:00Z', 4],
    ] as const) {
      await advance(clockId, at);
      await waitFor(() => (failedMails(unpaid).length === mails ? true : undefined), {
        what: `payment-failed e-mail ${mails}`,
        timeoutMs: 60_000,
      });
    }
    const subjects = failedMails(unpaid).map((m) => m.subject);
    expect(subjects.slice(0, 3).every((subject) => subject.startsWith('Échec du paiement de'))).toBe(true);
    expect(subjects[3]).toMatch(/^Dernier avis : le paiement de 46,80\u00a0€ n'a pas abouti$/);
    expect(await subscriptionOf(unpaid, (s) => s.status === 'blocked')).toMatchObject({
      status: 'blocked',
      edition: 'dream-team',
    });
    expect(
      await count(
        `SELECT count(*) AS n FROM payments.payments WHERE account_id = $1 AND dunning = 'exhausted' AND attempts = 4`,
        unpaid.accountId,
      ),
    ).toBe(1);
    expect(await count(`SELECT count(*) AS n FROM invoicing.invoices WHERE account_id = $1`, unpaid.accountId)).toBe(0);
  });
  it('e-Factura: a Romanian company’s invoice goes to ANAF under the seller’s CUI, is `in prelucrare`, then `ok`; the signed ZIP is checked and archived, and submission.accepted published; a consumer’s goes through uploadb2c; an invalid one never leaves', async () => {
    const clock = await steppedClock('2027-03-01T08:00:00Z');
    const company = await customer('ro-crm', clock.id);
    const consumer = await customer('ro-crm', clock.id, 'pm_card_visa', 'consumer');
    const invalid = await customer('ro-crm', clock.id, 'pm_card_visa', 'company-without-cui');
    for (const who of [company, consumer, invalid]) await connectAnaf(who, SELLER_CUI);
    const uploadsBefore = anafCalls('/upload').length;
    const b2cBefore = anafCalls('/uploadb2c').length;
    for (const who of [company, consumer, invalid]) await purchase(who, { edition: 'premium', term: 'prepaid-1', seats: 1 });
    const [[b2b], [b2c], [bad]] = await Promise.all([company, consumer, invalid].map((who) => issued(who.accountId, 1)));

    const uploaded = await submissionOnce(company, b2b!.id, ['uploaded']);
    expect(uploaded).toMatchObject({ endpoint: 'upload', uploadIndex: expect.stringMatching(/^\d+$/), archived: false });
    expect(anafCalls('/upload').at(-1)?.query).toMatchObject({ standard: 'UBL', cif: SELLER_CUI });
    expect(await submissionOnce(consumer, b2c!.id, ['uploaded'])).toMatchObject({ endpoint: 'uploadb2c' });

    // ANAF is still processing: a poll (due once the clock moves) leaves it uploaded.
    const polls = anafCalls('/stareMesaj').length;
    await clock.by(60_000);
    await waitFor(() => (anafCalls('/stareMesaj').length > polls ? true : undefined), {
      what: 'a stareMesaj',
      timeoutMs: 60_000,
    });
    expect((await submissionOnce(company, b2b!.id, ['uploaded', 'accepted'])).status).toBe('uploaded');

    await harness.anaf!.advanceProcessing();
    const accepted = await submissionOnce(company, b2b!.id, ['accepted'], () => clock.by(60_000));
    expect(accepted).toMatchObject({ archived: true, anafErrors: [], signer: expect.stringContaining('Sandbox ANAF') });
    await submissionOnce(consumer, b2c!.id, ['accepted'], () => clock.by(60_000));
    const archive = await company.journey.download(
      `${gateway()}/accounts/${company.accountId}/efactura/invoices/${b2b!.id}/anaf-archive`,
    );
    expect(archive).toMatchObject({ status: 200, type: 'application/zip' });
    expect(archive.body.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(await outboxEvents('obolus.efactura.submission.accepted.v1', company.accountId)).toEqual([
      expect.objectContaining({ invoiceId: b2b!.id, uploadIndex: uploaded.uploadIndex }),
    ]);

    // The invalid one (a Romanian company without a CUI) is held with its rule, and never reached ANAF.
    const documents = await invalid.journey.request<{ invoiceId: string; valid: boolean; findings: { message: string }[] }[]>(
      'GET',
      `${gateway()}/accounts/${invalid.accountId}/efactura/documents`,
    );
    expect(documents).toEqual([expect.objectContaining({ invoiceId: bad!.id, valid: false })]);
    expect(documents[0]!.findings).toEqual([expect.objectContaining({ message: expect.stringMatching(/buyer/i) })]);
    expect(anafCalls('/upload').length - uploadsBefore).toBe(1);
    expect(anafCalls('/uploadb2c').length - b2cBefore).toBe(1);
  });

  it('e-Factura outage: ANAF down for two days after St Andrew’s and National Day; the alerts go out 2 and 1 working days before the deadline to the owner and staff; nothing is lost, and the held upload goes once ANAF is back', async () => {
    // Thursday 25 November 2027, 09:00 in Bucharest. The 5 working days skip 30 November and 1 December: deadline 6 December.
    const clock = await steppedClock('2027-11-25T07:00:00Z');
    const who = await customer('ro-crm', clock.id);
    await connectAnaf(who, SELLER_CUI);
    await purchase(who, { edition: 'premium', term: 'prepaid-6', seats: 1 });
    const [first] = await issued(who.accountId, 1);
    await submissionOnce(who, first!.id, ['uploaded']);
    const documents = () =>
      who.journey.request<{ invoiceId: string; uploadDeadline: string }[]>(
        'GET',
        `${gateway()}/accounts/${who.accountId}/efactura/documents`,
      );
    expect((await documents()).map((d) => d.uploadDeadline)).toEqual(['2027-12-06']);
    const alerts = (to: string) => mailsTo(to, new RegExp(`^e-Factura: factura ${first!.number} trebuie să ajungă la ANAF`));

    // ANAF still processing it when it goes down, on the evening of 1 December.
    await clock.to('2027-12-01T21:00:00Z');
    expect(alerts(who.owner)).toHaveLength(0);
    harness.anaf!.goDown();
    let second: { id: string; number: string } | undefined;
    try {
      // Thursday 2 December in Bucharest: 2 working days left (2 and 3 December).
      await clock.to('2027-12-01T23:00:00Z');
      await waitFor(() => (alerts(who.owner).length === 1 && alerts(EFACTURA_DESK).length === 1 ? true : undefined), {
        what: 'the 2-day alert to the owner and the staff',
        timeoutMs: 60_000,
      });
      // A month more bought during the outage: its invoice waits for ANAF.
      await clock.to('2027-12-02T08:00:00Z');
      await purchase(who, { edition: 'premium', term: 'prepaid-1', seats: 1 });
      second = (await issued(who.accountId, 2))[1]!;
      await clock.by(5 * 60_000);
      expect((await submissionOnce(who, second.id, ['queued', 'uploaded'])).status).toBe('queued');
      // Friday 3 December: 1 working day left.
      await clock.to('2027-12-02T23:00:00Z');
      await waitFor(() => (alerts(who.owner).length === 2 && alerts(EFACTURA_DESK).length === 2 ? true : undefined), {
        what: 'the 1-day alert',
        timeoutMs: 60_000,
      });
      expect(alerts(who.owner).map((m) => m.subject)).toEqual([
        `e-Factura: factura ${first!.number} trebuie să ajungă la ANAF până pe 6 decembrie 2027`,
        `e-Factura: factura ${first!.number} trebuie să ajungă la ANAF până pe 6 decembrie 2027`,
      ]);
      await clock.to('2027-12-03T21:00:00Z');
      expect((await submissionOnce(who, second.id, ['queued', 'uploaded'])).status).toBe('queued');
    } finally {
      await harness.anaf!.comeUp();
    }
    const uploads = anafCalls('/upload').length;
    await submissionOnce(who, second.id, ['uploaded'], () => clock.by(10 * 60_000));
    await harness.anaf!.advanceProcessing();
    for (const invoice of [first!, second]) await submissionOnce(who, invoice.id, ['accepted'], () => clock.by(10 * 60_000));
    // One upload for the held invoice, none again for the first: nothing lost, nothing twice.
    expect(anafCalls('/upload').length - uploads).toBe(1);
    expect(await outboxEvents('obolus.efactura.submission.accepted.v1', who.accountId)).toHaveLength(2);
    expect(await outboxEvents('obolus.efactura.deadline.missed.v1', who.accountId)).toEqual([]);
  });

  it('e-Factura supplier invoices: three that other companies sent to the buyer’s CUI are stored once each, parsed and announced, after listing again; a fourth it cannot read is listed with its error', async () => {
    const clock = await steppedClock('2027-05-03T08:00:00Z');
    const who = await customer('ro-crm', clock.id);
    await connectAnaf(who, ROMANIAN_BUYER_CUI);
    const tag = randomBytes(3).toString('hex').toUpperCase();
    const sent = [1, 2, 3].map((n) =>
      harness.anaf!.enqueueSupplierInvoice({ cif: ROMANIAN_BUYER_CUI, supplierCif: '18547290', number: `FURN-${tag}-${n}` }),
    );
    const unreadable = harness.anaf!.enqueueSupplierInvoice({
      cif: ROMANIAN_BUYER_CUI,
      supplierCif: '18547290',
      xml: '<Invoice><unclosed></Invoice>',
    });
    type Incoming = { id: string; anafId: string; number: string | null; parseError: string | null; signer: string | null };
    // Only those sent here: the buyer's CUI also receives the invoices Obolus's seller uploaded for it in other tests.
    const ids = [...sent, unreadable].map((m) => String(m.id));
    const listed = async () =>
      (await who.journey.request<Incoming[]>('GET', `${gateway()}/accounts/${who.accountId}/efactura/incoming`)).filter((i) =>
        ids.includes(i.anafId),
      );
    const listings = () => anafCalls('/listaMesajePaginatieFactura').filter((r) => r.query.cif === ROMANIAN_BUYER_CUI).length;
    await waitFor(async () => ((await listed()).length === 4 ? true : (await clock.by(2 * 60_000), undefined)), {
      what: 'the four supplier invoices',
      timeoutMs: 120_000,
    });
    // Listed twice more over the same messages: nothing stored twice.
    const after = listings();
    await waitFor(async () => (listings() >= after + 2 ? true : (await clock.by(2 * 60_000), undefined)), {
      what: 'two more listings',
      timeoutMs: 120_000,
    });
    const incoming = await listed();
    expect(incoming).toHaveLength(4);
    for (const [n, message] of sent.entries()) {
      expect(incoming.find((i) => i.anafId === String(message.id))).toMatchObject({
        number: `FURN-${tag}-${n + 1}`,
        parseError: null,
        signer: expect.stringContaining('Sandbox ANAF'),
      });
    }
    expect(incoming.find((i) => i.anafId === String(unreadable.id))).toMatchObject({
      number: null,
      parseError: expect.stringMatching(/^not well-formed XML/),
    });
    const announced = await outboxEvents('obolus.efactura.incoming.received.v1', who.accountId);
    expect(announced.filter((e) => ids.includes(String(e.anafId)))).toHaveLength(4);
    await waitFor(
      () => (mailsTo(who.owner, new RegExp(`^Factură de la furnizor primită: FURN-${tag}-`)).length === 3 ? true : undefined),
      { what: 'three supplier-invoice e-mails in Romanian', timeoutMs: 60_000 },
    );
  });

  it('e-Factura tokens: each use refreshes the access token and keeps the rotated refresh token; a revoked authorisation alerts the owner and staff and holds the queue until the owner connects again', async () => {
    const clock = await steppedClock('2027-06-01T08:00:00Z');
    const who = await customer('ro-crm', clock.id);
    await connectAnaf(who, SELLER_CUI);
    const sealed = async () =>
      (
        await db.query<{ refresh: string; status: string }>(
          `SELECT refresh_token_sealed AS refresh, status FROM efactura_gateway.authorizations WHERE account_id = $1`,
          [who.accountId],
        )
      ).rows[0]!;
    const atConnection = await sealed();
    const refreshes = harness.anaf!.requests('/token').length;
    await purchase(who, { edition: 'premium', term: 'prepaid-1', seats: 1 });
    const [first] = await issued(who.accountId, 1);
    await submissionOnce(who, first!.id, ['uploaded']);
    await harness.anaf!.advanceProcessing();
    await submissionOnce(who, first!.id, ['accepted'], () => clock.by(60_000));
    // Tokens live 6 days here, under the 7-day margin: every call refreshed, each time with the token saved last.
    const tokenCalls = harness.anaf!.requests('/token').slice(refreshes);
    expect(tokenCalls.length).toBeGreaterThanOrEqual(2);
    expect(tokenCalls.map((r) => r.status)).toEqual(tokenCalls.map(() => 200));
    expect(await sealed()).toMatchObject({ status: 'connected' });
    expect((await sealed()).refresh).not.toBe(atConnection.refresh);

    // The owner withdraws the consent in SPV.
    harness.anaf!.revoke({ cif: SELLER_CUI });
    const uploads = anafCalls('/upload').length;
    await clock.by(DAY_MS);
    await purchase(who, { edition: 'premium', term: 'prepaid-1', seats: 1 });
    const [, second] = await issued(who.accountId, 2);
    const lost = (to: string) => mailsTo(to, new RegExp(`^e-Factura: autorizarea ANAF pentru CUI ${SELLER_CUI} a fost pierdută`));
    await waitFor(() => (lost(who.owner).length === 1 && lost(EFACTURA_DESK).length >= 1 ? true : undefined), {
      what: 'the lost-authorisation alert',
      timeoutMs: 60_000,
    });
    expect(await sealed()).toMatchObject({ status: 'revoked' });
    await clock.by(60 * 60_000);
    expect((await submissionOnce(who, second!.id, ['queued', 'uploaded'])).status).toBe('queued');
    expect(anafCalls('/upload').length).toBe(uploads);

    await connectAnaf(who, SELLER_CUI);
    await submissionOnce(who, second!.id, ['uploaded'], () => clock.by(60_000));
    expect(anafCalls('/upload').length).toBe(uploads + 1);
    expect(lost(who.owner)).toHaveLength(1);
  });
});

/** A webhook receiver on loopback: records each request, answers the queued statuses, then 200. */
async function receiver(): Promise<{
  url: string;
  answers: number[];
  requests: { headers: IncomingHttpHeaders; body: string }[];
  close: () => Promise<void>;
}> {
  const answers: number[] = [];
  const requests: { headers: IncomingHttpHeaders; body: string }[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      requests.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      response.writeHead(answers.shift() ?? 200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/obolus-webhooks`;
  return { url, answers, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** The receiver's check, written from the Standard Webhooks specification (not Obolus's code). */
function standardWebhookValid(secret: string, headers: IncomingHttpHeaders, body: string): boolean {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = createHmac('sha256', key)
    .update(`${headers['webhook-id']}.${headers['webhook-timestamp']}.${body}`)
    .digest('base64');
  const fresh = Math.abs(Date.now() / 1000 - Number(headers['webhook-timestamp'])) < 300;
  return fresh && String(headers['webhook-signature']).split(' ').includes(`v1,${expected}`);
}
