import { waitFor } from '@obolus/testing';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import Stripe from 'stripe';
import { Journey, StackHarness } from '../support/stack-harness';

interface Payment {
  id: string;
  status: string;
  paymentMethod: string;
  amountMinor: number;
  currency: string;
  providerPaymentId: string | null;
  attempts: number;
  dunning: string | null;
}

interface Customer {
  journey: Journey;
  accountId: string;
  owner: string;
}

/** What a customer accepts on the payment page when it gives a bank debit mandate. */
const MANDATE = {
  customer_acceptance: {
    type: 'online' as const,
    online: { ip_address: '203.0.113.24', user_agent: 'Mozilla/5.0 (Obolus e2e)' },
  },
};

/**
 * Bank debits through Stripe (P1), end to end: six services as processes, real Kafka and Postgres, the
 * Stripe sandbox as a server, and test clocks for the days a debit takes. Each scenario runs its accounts
 * on an Obolus test clock of its own; payments moves the Stripe test clock of each account's customer
 * with it, and the sandbox settles a debit when that clock passes its settlement day (SEPA 3 business
 * days, ACH 4). Monday 4 October 2027 09:00 UTC is day 0 of every scenario.
 */
describe('SEPA and ACH debits on test clocks', () => {
  const harness = new StackHarness(5600);
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

  const subscriptionsUrl = () => harness.url('subscriptions');
  const clockAt = (frozenTime: string) => harness.testClock(frozenTime, 'debits');
  const advance = (clockId: string, frozenTime: string) => harness.advanceClock(clockId, frozenTime);
  const paymentsUrl = () => harness.url('payments');

  const PEOPLE = {
    DE: {
      company: 'Maschinenbau Weber GmbH',
      domain: 'maschinenbau-weber.de',
      locale: 'en',
      billing: {
        vatNumber: 'DE108262480',
        address: { line1: 'Industriestraße 7', city: 'Stuttgart', postalCode: '70565', country: 'DE' },
      },
    },
    US: {
      company: 'Northwind Traders Inc.',
      domain: 'northwind-traders.example',
      locale: 'en',
      billing: { address: { line1: '500 Market Street', city: 'San Francisco', postalCode: '94105', country: 'US' } },
    },
    FR: {
      company: 'Atelier Dupont SAS',
      domain: 'atelier-dupont.fr',
      locale: 'fr',
      billing: {
        vatNumber: 'FR40303265045',
        address: { line1: '8 rue des Lilas', city: 'Lyon', postalCode: '69003', country: 'FR' },
      },
    },
  } as const;

  /** A company of `country` signs up on fr-crm on the clock, signs in, gives its billing details, and is on trial. */
  async function signedUp(country: keyof typeof PEOPLE, clockId: string): Promise<Customer> {
    const person = PEOPLE[country];
    const journey = new Journey();
    const tag = randomBytes(5).toString('hex');
    const owner = `owner+${tag}@${person.domain}`;
    const password = `Correct-Horse-${tag}`;
    const { accountId } = await journey.request<{ accountId: string }>('POST', `${harness.url('identity')}/accounts`, {
      companyName: person.company,
      email: owner,
      password,
      country,
      catalog: 'fr-crm',
      signupChannel: 'website',
      locale: person.locale,
      testClockId: clockId,
    });
    const session = await journey.request<{ accessToken: string }>('POST', `${harness.url('identity')}/auth/sign-in`, {
      email: owner,
      password,
    });
    journey.accessToken = session.accessToken;
    await journey.request('PUT', `${harness.url('invoicing')}/accounts/${accountId}/billing-details`, {
      legalName: person.company,
      buyerType: 'business',
      ...person.billing,
    });
    const who = { journey, accountId, owner };
    await waitFor(
      () =>
        journey
          .request<{ status?: string }>('GET', `${subscriptionsUrl()}/accounts/${accountId}/subscription`, undefined, [200, 404])
          .then((s) => (s.status === 'trialing' ? true : undefined)),
      { what: `the trial of ${accountId}`, timeoutMs: 60_000, intervalMs: 250 },
    );
    return who;
  }

  /**
   * The payment page: payments prepares a SetupIntent of that one type, the page creates the bank
   * account's PaymentMethod and confirms the SetupIntent with the customer's mandate (as Stripe.js does),
   * and payments keeps the method and its mandate from the signed webhook.
   */
  async function savesDebit(
    who: Customer,
    data: Stripe.PaymentMethodCreateParams,
  ): Promise<{ methodId: string; mandateId: string }> {
    const setup = await who.journey.request<{ setupIntentId: string }>(
      'POST',
      `${paymentsUrl()}/accounts/${who.accountId}/payment-methods/setup-intents`,
      { paymentMethodTypes: [data.type] },
      [201],
    );
    const method = await stripe.paymentMethods.create(data);
    const confirmed = await stripe.setupIntents.confirm(setup.setupIntentId, {
      payment_method: method.id,
      mandate_data: MANDATE,
    });
    expect(confirmed).toMatchObject({ status: 'succeeded', mandate: expect.stringMatching(/^mandate_/) });
    const mandate = await stripe.mandates.retrieve(confirmed.mandate as string);
    expect(mandate).toMatchObject({
      status: 'active',
      type: 'multi_use',
      payment_method: method.id,
      customer_acceptance: { type: 'online', online: { ip_address: '203.0.113.24' } },
    });
    const saved = await waitFor(
      async () => {
        const { rows } = await db.query<{ provider_method_id: string; mandate_id: string }>(
          `SELECT provider_method_id, mandate_id FROM payments.saved_payment_methods WHERE account_id = $1 AND type = $2`,
          [who.accountId, data.type],
        );
        return rows[0];
      },
      { what: `the saved ${data.type}`, timeoutMs: 60_000, intervalMs: 200 },
    );
    expect(saved).toEqual({ provider_method_id: method.id, mandate_id: mandate.id });
    return { methodId: method.id, mandateId: mandate.id };
  }

  const sepa = (iban: string): Stripe.PaymentMethodCreateParams => ({
    type: 'sepa_debit',
    sepa_debit: { iban },
    billing_details: { name: 'Maschinenbau Weber GmbH', email: 'buchhaltung@maschinenbau-weber.de' },
  });

  const ach = (accountNumber: string): Stripe.PaymentMethodCreateParams => ({
    type: 'us_bank_account',
    us_bank_account: { routing_number: '110000000', account_number: accountNumber, account_holder_type: 'company' },
    billing_details: { name: 'Northwind Traders Inc.' },
  });

  const purchase = (who: Customer, paymentMethod: string, currency?: string) =>
    who.journey.request<{ status: string }>('POST', `${subscriptionsUrl()}/accounts/${who.accountId}/subscription/purchase`, {
      edition: 'dream-team',
      term: 'monthly',
      seats: 1,
      paymentMethod,
      ...(currency ? { currency } : {}),
    });

  const paymentsOf = (who: Customer) =>
    who.journey.request<Payment[]>('GET', `${paymentsUrl()}/accounts/${who.accountId}/payments`);

  /** The account's one payment, once `until` holds. */
  const paymentOnce = (who: Customer, until: (p: Payment) => boolean, what: string) =>
    waitFor(() => paymentsOf(who).then((list) => (list.length === 1 && until(list[0]!) ? list[0] : undefined)), {
      what,
      timeoutMs: 60_000,
      intervalMs: 200,
    });

  async function invoices(who: Customer) {
    const { rows } = await db.query<{ number: string; issue_date: string; currency: string }>(
      `SELECT number, to_char(issue_date, 'YYYY-MM-DD') AS issue_date, currency FROM invoicing.invoices WHERE account_id = $1`,
      [who.accountId],
    );
    return rows;
  }

  const issuedOnce = (who: Customer) =>
    waitFor(() => invoices(who).then((rows) => (rows.length > 0 ? rows : undefined)), {
      what: `the invoice of ${who.accountId}`,
      timeoutMs: 60_000,
      intervalMs: 200,
    });

  it('SEPA: a German company pays by SEPA Direct Debit; processing until the clock passes 3 business days, and only then is the invoice issued', async () => {
    const clockId = await clockAt('2027-10-04T09:00:00Z');
    const weber = await signedUp('DE', clockId);
    const { methodId, mandateId } = await savesDebit(weber, sepa('DE89370400440532013000'));
    // A card saved later becomes the default; the SEPA subscription is still debited by SEPA.
    const card = await weber.journey.request<{ setupIntentId: string }>(
      'POST',
      `${paymentsUrl()}/accounts/${weber.accountId}/payment-methods/setup-intents`,
      {},
      [201],
    );
    await stripe.setupIntents.confirm(card.setupIntentId, { payment_method: 'pm_card_visa' });
    await waitFor(
      () =>
        db
          .query(`SELECT 1 FROM payments.customers WHERE account_id = $1 AND default_payment_method_type = 'card'`, [
            weber.accountId,
          ])
          .then((r) => (r.rowCount === 1 ? true : undefined)),
      { what: 'the card as default', timeoutMs: 60_000, intervalMs: 200 },
    );

    await purchase(weber, 'sepa_debit');
    const processing = await paymentOnce(weber, (p) => p.status === 'processing' && !!p.providerPaymentId, 'the SEPA debit');
    expect(processing).toMatchObject({ paymentMethod: 'sepa_debit', currency: 'EUR' });
    const intent = await stripe.paymentIntents.retrieve(processing.providerPaymentId!);
    expect(intent).toMatchObject({
      status: 'processing',
      payment_method: methodId,
      mandate: mandateId,
      payment_method_types: ['sepa_debit'],
      amount: processing.amountMinor,
    });
    expect(await invoices(weber)).toEqual([]);

    // Wednesday: two business days, still processing, still no invoice.
    await advance(clockId, '2027-10-06T09:30:00Z');
    expect((await stripe.paymentIntents.retrieve(intent.id)).status).toBe('processing');
    expect((await paymentsOf(weber))[0]!.status).toBe('processing');
    expect(await invoices(weber)).toEqual([]);

    // Thursday: the third business day; the debit succeeds and the invoice is issued that day.
    await advance(clockId, '2027-10-07T09:30:00Z');
    expect((await stripe.paymentIntents.retrieve(intent.id)).status).toBe('succeeded');
    await paymentOnce(weber, (p) => p.status === 'succeeded', 'the SEPA debit settled');
    const [invoice] = await issuedOnce(weber);
    expect(invoice).toMatchObject({ issue_date: '2027-10-07', currency: 'EUR' });
  });

  it('SEPA: a failing IBAN fails each try 3 business days after it, the owner is told each time; after the last, the account is blocked', async () => {
    const clockId = await clockAt('2027-10-04T09:00:00Z');
    const weber = await signedUp('DE', clockId);
    await savesDebit(weber, sepa('DE62370400440532013001'));
    const failedMails = () =>
      harness.mail
        .messages()
        .filter((m) => m.envelope.to.includes(weber.owner) && /payment of .* failed|^Payment of/i.test(m.subject))
        .sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));
    await purchase(weber, 'sepa_debit');
    await paymentOnce(weber, (p) => p.status === 'processing' && !!p.providerPaymentId, 'the SEPA debit');
    expect(failedMails()).toHaveLength(0);

    // Each advance either runs a planned try (day 3, 5, 7 after the first failure: 10, 12, 14 October)
    // or reaches the day its debit fails (3 business days later); the e-mails come as debits fail.
    const steps: [string, number][] = [
      ['2027-10-07T09:30:00Z', 1], // Thursday: the first debit fails; the next try is planned for Sunday 10 October
      ['2027-10-10T09:30:00Z', 1], // Sunday: the second try, processing
      ['2027-10-13T09:30:00Z', 2], // Wednesday: it fails
      ['2027-10-14T09:30:00Z', 2], // Thursday: the third try (planned for Tuesday 12 October), processing
      ['2027-10-19T09:30:00Z', 3], // Tuesday: it fails
      ['2027-10-20T09:30:00Z', 3], // Wednesday: the fourth and last try (planned for 14 October), processing
      ['2027-10-25T09:30:00Z', 4], // Monday: it fails; the payment is exhausted
    ];
    for (const [at, mails] of steps) {
      await advance(clockId, at);
      await waitFor(() => (failedMails().length === mails ? true : undefined), {
        what: `${mails} payment-failed e-mails at ${at}`,
        timeoutMs: 60_000,
        intervalMs: 200,
      });
    }
    const mails = failedMails();
    expect(mails[0]!.text).toContain('10 October 2027');
    expect(mails.slice(0, 3).every((m) => m.subject.startsWith('Payment of'))).toBe(true);
    expect(mails[3]!.subject).toMatch(/^Final notice: the payment of .* failed$/);
    expect(mails.every((m) => /insufficient funds/.test(m.text))).toBe(true);

    const payment = await paymentOnce(weber, (p) => p.dunning === 'exhausted', 'the exhausted payment');
    expect(payment).toMatchObject({ status: 'failed', attempts: 4, paymentMethod: 'sepa_debit' });
    const tries = await stripe.paymentIntents.list({
      customer: (await stripe.paymentIntents.retrieve(payment.providerPaymentId!)).customer as string,
    });
    expect(tries.data.map((pi) => pi.status)).toEqual(Array(4).fill('requires_payment_method'));
    await waitFor(
      () =>
        weber.journey
          .request<{ status: string }>('GET', `${subscriptionsUrl()}/accounts/${weber.accountId}/subscription`)
          .then((s) => (s.status === 'blocked' ? s : undefined)),
      { what: 'the blocked account', timeoutMs: 60_000, intervalMs: 250 },
    );
    expect(await invoices(weber)).toEqual([]);
  });

  it('ACH: a US company pays by ACH Direct Debit in USD and succeeds after 4 business days; a French company asking for ACH gets a 422 and nothing is written', async () => {
    const clockId = await clockAt('2027-10-04T09:00:00Z');
    const northwind = await signedUp('US', clockId);
    const dupont = await signedUp('FR', clockId);

    const refused = await dupont.journey.send(
      'POST',
      `${paymentsUrl()}/accounts/${dupont.accountId}/payment-methods/setup-intents`,
      {
        paymentMethodTypes: ['us_bank_account'],
      },
    );
    expect(refused.status).toBe(422);
    expect(refused.json).toMatchObject({
      code: 'PAYMENT_METHOD_NOT_OFFERED',
      message: expect.stringContaining('US only'),
      fields: [{ field: 'paymentMethodTypes', reason: expect.stringContaining('this account is in FR') }],
    });
    // And SEPA, offered in France, is not offered to the American company.
    const sepaRefused = await northwind.journey.send(
      'POST',
      `${paymentsUrl()}/accounts/${northwind.accountId}/payment-methods/setup-intents`,
      { paymentMethodTypes: ['sepa_debit'] },
    );
    expect(sepaRefused.status).toBe(422);
    expect(sepaRefused.json).toMatchObject({ code: 'PAYMENT_METHOD_NOT_OFFERED', fields: [{ field: 'paymentMethodTypes' }] });
    for (const table of ['customers', 'saved_payment_methods', 'payments']) {
      const { rows } = await db.query(`SELECT count(*) AS n FROM payments.${table} WHERE account_id = $1`, [dupont.accountId]);
      expect({ table, n: Number(rows[0].n) }).toEqual({ table, n: 0 });
    }
    expect((await stripe.customers.list({ email: dupont.owner })).data).toEqual([]);
    // Buying with ACH is refused as well, before anything is billed.
    const boughtByAch = await dupont.journey.send(
      'POST',
      `${subscriptionsUrl()}/accounts/${dupont.accountId}/subscription/purchase`,
      { edition: 'dream-team', term: 'monthly', seats: 1, paymentMethod: 'ach_debit', currency: 'USD' },
    );
    expect(boughtByAch.status).toBe(422);
    expect(boughtByAch.json).toMatchObject({
      fields: [{ field: 'paymentMethod', reason: expect.stringContaining('US only; this account is in FR') }],
    });
    expect(
      await dupont.journey.request<{ status: string }>('GET', `${subscriptionsUrl()}/accounts/${dupont.accountId}/subscription`),
    ).toMatchObject({ status: 'trialing' });

    const { methodId } = await savesDebit(northwind, ach('000123456789'));
    await purchase(northwind, 'ach_debit', 'USD');
    const processing = await paymentOnce(northwind, (p) => p.status === 'processing' && !!p.providerPaymentId, 'the ACH debit');
    expect(processing).toMatchObject({ paymentMethod: 'ach_debit', currency: 'USD' });
    const intent = await stripe.paymentIntents.retrieve(processing.providerPaymentId!);
    expect(intent).toMatchObject({ status: 'processing', currency: 'usd', payment_method: methodId });

    // Thursday: three business days; Friday: the fourth, and the debit succeeds.
    await advance(clockId, '2027-10-07T09:30:00Z');
    expect((await stripe.paymentIntents.retrieve(intent.id)).status).toBe('processing');
    expect(await invoices(northwind)).toEqual([]);
    await advance(clockId, '2027-10-08T09:30:00Z');
    await paymentOnce(northwind, (p) => p.status === 'succeeded', 'the ACH debit settled');
    const [invoice] = await issuedOnce(northwind);
    expect(invoice).toMatchObject({ issue_date: '2027-10-08', currency: 'USD' });
  });
});
