import { PaypalClient } from '@obolus/paypal';
import { LOCAL_STAFF_EMAIL, LOCAL_STAFF_PASSWORD, OBOLUS_SERVICES } from '@obolus/stack';
import { waitFor } from '@obolus/testing';
import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { Journey, StackHarness } from '../support/stack-harness';

interface Payment {
  id: string;
  status: string;
  provider: string;
  paymentMethod: string;
  amountMinor: number;
  currency: string;
  providerOrderId: string | null;
  providerPaymentId: string | null;
  approveUrl: string | null;
}

interface Invoice {
  id: string;
  number: string;
  currency: string;
  totals: { netMinor: number; vatMinor: number; grossMinor: number };
  lines: { quantity: number; unitPriceMinor: number; vatRateBasisPoints: number }[];
  vatBreakdown: { vatCategory: string; vatRateBasisPoints: number }[];
}

const BASE_PORT = 5650;
const PAYMENTS_URL = `http://127.0.0.1:${BASE_PORT + OBOLUS_SERVICES.indexOf('payments') + 1}`;

/**
 * PayPal (P2), fr-crm in US dollars on the annual term: the purchase opens a PayPal order, the payer
 * approves it on PayPal and comes back, the order is captured once, PayPal's signed webhook is verified
 * with PayPal, and the invoice is issued in USD (a US buyer: not subject to EU VAT) and e-mailed. A forged
 * webhook changes nothing; a PayPal purchase in EUR or monthly is refused; a staff refund goes back to the
 * capture at PayPal once, with a credit note. Every service runs as a process; PayPal is the sandbox.
 */
describe('PayPal: a USD annual purchase, end to end', () => {
  const harness = new StackHarness(BASE_PORT, { paypal: true, env: { PAYPAL_RETURN_URL: `${PAYMENTS_URL}/paypal/return` } });
  let db: Client;
  let paypal: PaypalClient;
  const tag = randomBytes(4).toString('hex');
  const owner = `owner+${tag}@northwind-traders.example`;
  let journey: Journey;
  let accountId: string;
  let payment: Payment;

  beforeAll(async () => {
    await harness.start();
    db = new Client({ connectionString: process.env.DATABASE_ADMIN_URL });
    await db.connect();
    paypal = new PaypalClient({
      baseUrl: harness.paypal!.url,
      clientId: harness.paypal!.clientId,
      clientSecret: harness.paypal!.clientSecret,
    });
  });

  afterAll(async () => {
    await db?.end();
    const codes = await harness.stop();
    expect(Object.values(codes).every((code) => code === 0)).toBe(true);
  });

  const one = async (sql: string, ...params: unknown[]) => Number((await db.query(sql, [accountId, ...params])).rows[0].n);
  const purchaseUrl = () => `${harness.url('subscriptions')}/accounts/${accountId}/subscription/purchase`;
  const payments = () => journey.request<Payment[]>('GET', `${harness.url('payments')}/accounts/${accountId}/payments`);

  it('refuses a PayPal purchase in EUR or on the monthly term, naming the field, and writes nothing', async () => {
    journey = new Journey();
    const password = `Correct-Horse-${tag}`;
    ({ accountId } = await journey.request<{ accountId: string }>('POST', `${harness.url('identity')}/accounts`, {
      companyName: 'Northwind Traders Inc.',
      email: owner,
      password,
      country: 'US',
      catalog: 'fr-crm',
      signupChannel: 'website',
    }));
    const session = await journey.request<{ accessToken: string }>('POST', `${harness.url('identity')}/auth/sign-in`, {
      email: owner,
      password,
    });
    journey.accessToken = session.accessToken;
    await journey.request('PUT', `${harness.url('invoicing')}/accounts/${accountId}/billing-details`, {
      legalName: 'Northwind Traders Inc.',
      buyerType: 'business',
      address: { line1: '500 Market Street', city: 'San Francisco', postalCode: '94105', country: 'US' },
    });
    await waitFor(
      () =>
        journey
          .request<{
            status?: string;
          }>('GET', `${harness.url('subscriptions')}/accounts/${accountId}/subscription`, undefined, [200, 404])
          .then((s) => (s.status === 'trialing' ? s : undefined)),
      { what: 'the trial', timeoutMs: 60_000 },
    );

    const refusals: Array<[Record<string, unknown>, string]> = [
      [{ currency: 'EUR', term: 'annual' }, 'paymentMethod'],
      [{ term: 'annual' }, 'paymentMethod'], // EUR, the catalog's currency, when none is asked for
      [{ currency: 'USD', term: 'monthly' }, 'paymentMethod'],
      [{ currency: 'GBP', term: 'annual' }, 'currency'],
    ];
    for (const [fields, field] of refusals) {
      const answer = await journey.send('POST', purchaseUrl(), {
        edition: 'dream-team',
        seats: 1,
        paymentMethod: 'paypal',
        ...fields,
      });
      expect({ fields, status: answer.status }).toEqual({ fields, status: 422 });
      expect(answer.json).toMatchObject({
        code: 'PURCHASE_REFUSED',
        fields: expect.arrayContaining([expect.objectContaining({ field })]),
      });
    }
    const subscription = await journey.request<{ status: string; currency: string }>(
      'GET',
      `${harness.url('subscriptions')}/accounts/${accountId}/subscription`,
    );
    expect(subscription).toMatchObject({ status: 'trialing', currency: 'EUR' });
    expect(await one('SELECT count(*) AS n FROM invoicing.drafts WHERE account_id = $1')).toBe(0);
    expect(await one('SELECT count(*) AS n FROM payments.payments WHERE account_id = $1')).toBe(0);
  });

  it('opens a PayPal order for the USD annual price (twelve months: P2) and shows the payer where to approve it', async () => {
    await journey.request('POST', purchaseUrl(), {
      edition: 'dream-team',
      term: 'annual',
      seats: 1,
      paymentMethod: 'paypal',
      currency: 'USD',
    });
    [payment] = await waitFor(() => payments().then((list) => (list[0]?.approveUrl ? list : undefined)), {
      what: 'the PayPal payment with its approval link',
      timeoutMs: 60_000,
      intervalMs: 250,
    });
    expect(payment).toMatchObject({
      status: 'processing',
      provider: 'paypal',
      paymentMethod: 'paypal',
      amountMinor: 54000,
      currency: 'USD',
      providerPaymentId: null,
    });
    expect(payment.approveUrl).toBe(`${harness.paypal!.url}/checkoutnow?token=${payment.providerOrderId}`);
    const order = await paypal.getOrder(payment.providerOrderId!);
    expect(order).toMatchObject({ intent: 'CAPTURE', status: 'PAYER_ACTION_REQUIRED' });
    expect(order.purchase_units[0]).toMatchObject({ custom_id: payment.id, amount: { currency_code: 'USD', value: '540.00' } });
  });

  it('refuses a webhook PayPal does not verify (400) and changes nothing', async () => {
    const forged = JSON.stringify({
      id: `WH-FORGED-${tag}`,
      event_version: '1.0',
      create_time: new Date(0).toISOString(),
      resource_type: 'capture',
      event_type: 'PAYMENT.CAPTURE.COMPLETED',
      summary: 'Payment completed for $ 540.00 USD',
      resource: {
        id: `FORGED${tag}`.toUpperCase(),
        status: 'COMPLETED',
        amount: { currency_code: 'USD', value: '540.00' },
        custom_id: payment.id,
        final_capture: true,
        supplementary_data: { related_ids: { order_id: payment.providerOrderId } },
        links: [],
        create_time: new Date(0).toISOString(),
        update_time: new Date(0).toISOString(),
      },
      links: [],
    });
    const answer = await fetch(`${harness.url('payments')}/webhooks/paypal`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'paypal-transmission-id': randomUUID(),
        'paypal-transmission-time': new Date().toISOString(),
        'paypal-transmission-sig': randomBytes(256).toString('base64'),
        'paypal-cert-url': harness.paypal!.certUrl,
        'paypal-auth-algo': 'SHA256withRSA',
      },
      body: forged,
    });
    expect(answer.status).toBe(400);
    expect(await answer.json()).toMatchObject({ code: 'WEBHOOK_SIGNATURE_INVALID' });
    expect((await payments())[0]).toMatchObject({ status: 'processing', providerPaymentId: null });
    expect(
      Number(
        (await db.query(`SELECT count(*) AS n FROM payments.provider_events WHERE event_id = $1`, [`WH-FORGED-${tag}`])).rows[0]
          .n,
      ),
    ).toBe(0);
    expect(await one('SELECT count(*) AS n FROM invoicing.invoices WHERE account_id = $1')).toBe(0);
  });

  it('captures once the payer approves and returns, records the webhooks PayPal verified, and e-mails a USD invoice', async () => {
    const approval = harness.paypal!.approveOrder(payment.providerOrderId!, { email: `payer+${tag}@example.com` });
    expect(approval.redirectUrl).toMatch(
      new RegExp(`^${PAYMENTS_URL}/paypal/return\\?token=${payment.providerOrderId}&PayerID=`),
    );
    // The payer's browser follows PayPal's redirect; CHECKOUT.ORDER.APPROVED reaches payments at the same time.
    const back = await fetch(approval.redirectUrl!);
    expect(back.status).toBe(200);
    expect(await back.json()).toEqual({ paymentId: payment.id, status: 'succeeded', approveUrl: null });

    const order = await paypal.getOrder(payment.providerOrderId!);
    expect(order.status).toBe('COMPLETED');
    const captures = order.purchase_units[0]!.payments!.captures!;
    expect(captures.map((c) => [c.status, c.amount.value, c.amount.currency_code])).toEqual([['COMPLETED', '540.00', 'USD']]);
    [payment] = await payments();
    expect(payment).toMatchObject({ status: 'succeeded', providerPaymentId: captures[0]!.id, approveUrl: null });

    // PayPal's webhooks were delivered, verified and recorded: the approval and the completed capture.
    const delivered = await waitFor(
      async () => {
        const events = await db.query<{ type: string }>(
          `SELECT type FROM payments.provider_events WHERE provider = 'paypal' AND (payload->'resource'->>'id' = $1 OR payload->'resource'->>'id' = $2)`,
          [payment.providerOrderId, captures[0]!.id],
        );
        return events.rows.length === 2 ? events.rows.map((r) => r.type).sort() : undefined;
      },
      { what: 'the two PayPal webhooks recorded', timeoutMs: 30_000, intervalMs: 250 },
    );
    expect(delivered).toEqual(['CHECKOUT.ORDER.APPROVED', 'PAYMENT.CAPTURE.COMPLETED']);
    await harness.paypal!.webhooksIdle();
    const ours = harness.paypal!.deliveries().filter((d) => d.body.includes(payment.providerOrderId!));
    expect(ours.map((d) => [d.eventType, d.status, d.attempts.at(-1)?.status])).toEqual(
      expect.arrayContaining([
        ['CHECKOUT.ORDER.APPROVED', 'succeeded', 200],
        ['PAYMENT.CAPTURE.COMPLETED', 'succeeded', 200],
      ]),
    );

    const email = await waitFor(
      () => harness.mail.messages().find((m) => m.envelope.to.includes(owner) && /^Invoice /.test(m.subject)),
      { what: `the invoice e-mail to ${owner}`, timeoutMs: 120_000, intervalMs: 250 },
    );
    const invoices = await journey.request<Invoice[]>('GET', `${harness.url('invoicing')}/accounts/${accountId}/invoices`);
    expect(invoices).toHaveLength(1);
    const [invoice] = invoices;
    expect(email.subject).toContain(invoice!.number);
    expect(email.attachments.map((a) => a.filename)).toEqual([`${invoice!.number}.pdf`]);
    expect(invoice!.currency).toBe('USD');
    expect(invoice!.lines).toEqual([expect.objectContaining({ quantity: 1, unitPriceMinor: 54000, vatRateBasisPoints: 0 })]);
    expect(invoice!.vatBreakdown).toEqual([expect.objectContaining({ vatCategory: 'O', vatRateBasisPoints: 0 })]);
    expect(invoice!.totals).toMatchObject({ netMinor: 54000, vatMinor: 0, grossMinor: 54000 });
    expect(await one(`SELECT count(*) AS n FROM payments.payments WHERE account_id = $1`)).toBe(1);
  });

  it('refunds part of the PayPal payment once on its capture at PayPal, with a credit note in USD', async () => {
    const console = new Journey();
    console.accessToken = (
      await console.request<{ accessToken: string }>('POST', `${harness.url('identity')}/staff/auth/sign-in`, {
        email: LOCAL_STAFF_EMAIL,
        password: LOCAL_STAFF_PASSWORD,
      })
    ).accessToken;
    const refundUrl = `${harness.url('payments')}/staff/accounts/${accountId}/payments/${payment.id}/refunds`;
    const key = { 'Idempotency-Key': `paypal-refund-${randomUUID()}` };
    const body = { amountMinor: 12000, reason: 'Annual plan: refund agreed with the customer' };
    const refund = await console.request<{ id: string; status: string; provider: string; providerRefundId: string }>(
      'POST',
      refundUrl,
      body,
      [201],
      key,
    );
    expect(refund).toMatchObject({ status: 'succeeded', provider: 'paypal', amountMinor: 12000, currency: 'USD' });
    await expect(console.request('POST', refundUrl, body, [201], key)).resolves.toEqual(refund);

    const order = await paypal.getOrder(payment.providerOrderId!);
    const atPaypal = order.purchase_units[0]!.payments!.refunds ?? [];
    expect(atPaypal.map((r) => [r.id, r.status, r.amount.value, r.amount.currency_code])).toEqual([
      [refund.providerRefundId, 'COMPLETED', '120.00', 'USD'],
    ]);
    expect(order.purchase_units[0]!.payments!.captures![0]!.status).toBe('PARTIALLY_REFUNDED');

    const creditNote = await waitFor(
      () =>
        journey
          .request<
            { refundId: string; currency?: string; totals: { grossMinor: number } }[]
          >('GET', `${harness.url('invoicing')}/accounts/${accountId}/credit-notes`)
          .then((notes) => notes[0]),
      { what: 'the credit note', timeoutMs: 60_000, intervalMs: 250 },
    );
    expect(creditNote).toMatchObject({ refundId: refund.id, totals: expect.objectContaining({ grossMinor: 12000 }) });
    expect(await one('SELECT count(*) AS n FROM invoicing.credit_notes WHERE account_id = $1')).toBe(1);
    expect(await one(`SELECT count(*) AS n FROM invoicing.credit_notes WHERE account_id = $1 AND currency = 'USD'`)).toBe(1);
    expect(await one('SELECT count(*) AS n FROM payments.refunds WHERE account_id = $1')).toBe(1);
  });
});
