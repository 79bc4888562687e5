import { startPaypalSandbox, type PaypalSandbox } from './server';
import { startWebhookListener } from './test-support/webhook-listener';

interface Answer {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

/** The sandbox as PayPal's REST clients meet it: raw HTTP, PayPal's error bodies. */
describe('PayPal sandbox over HTTP', () => {
  let sandbox: PaypalSandbox;
  let token: string;

  beforeAll(async () => {
    sandbox = await startPaypalSandbox({ clientId: 'app-id', clientSecret: 'app-secret', webhookRetryBaseMs: 20 });
  });
  afterAll(() => sandbox.close());

  async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
    const response = await fetch(`${sandbox.url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
  }

  async function tokenWith(user: string, password: string, form = 'grant_type=client_credentials'): Promise<Answer> {
    const response = await fetch(`${sandbox.url}/v1/oauth2/token`, {
      method: 'POST',
      headers: {
        Authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`,
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: form,
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
  }

  const order = (amount: Record<string, string>) => ({ intent: 'CAPTURE', purchase_units: [{ amount }] });

  beforeEach(async () => {
    token = String((await tokenWith('app-id', 'app-secret')).body.access_token);
  });

  it('issues client-credentials tokens in the OAuth2 shape and refuses other credentials or grants', async () => {
    const issued = await tokenWith('app-id', 'app-secret');
    expect(issued.status).toBe(200);
    expect(issued.body).toMatchObject({ token_type: 'Bearer', expires_in: 32400 });
    expect(issued.body.app_id).toMatch(/^APP-[A-Z0-9]{17}$/);
    expect(typeof issued.body.nonce).toBe('string');
    expect(String(issued.body.scope)).toContain('https://uri.paypal.com/services/payments/payment');

    expect(await tokenWith('app-id', 'wrong')).toMatchObject({
      status: 401,
      body: { error: 'invalid_client', error_description: 'Client Authentication failed' },
    });
    expect((await tokenWith('app-id', 'app-secret', 'grant_type=password')).body.error).toBe('unsupported_grant_type');
  });

  it('answers REST calls without a known bearer token 401 invalid_token', async () => {
    token = 'A21AAnot-issued';
    expect(await call('GET', '/v2/checkout/orders/5O190127TN364715T')).toMatchObject({
      status: 401,
      body: { error: 'invalid_token' },
    });
  });

  it('refuses malformed orders with PayPal issues, pointing at the field', async () => {
    const refused = async (body: unknown) => {
      const answer = await call('POST', '/v2/checkout/orders', body);
      const [detail] = answer.body.details as { issue: string; field?: string }[];
      return [answer.status, answer.body.name, detail.issue, detail.field];
    };
    expect(await refused({ purchase_units: [] })).toEqual([400, 'INVALID_REQUEST', 'MISSING_REQUIRED_PARAMETER', '/intent']);
    expect(await refused(order({ currency_code: 'USD', value: '10.001' }))).toEqual([
      422,
      'UNPROCESSABLE_ENTITY',
      'DECIMAL_PRECISION',
      '/purchase_units/0/amount/value',
    ]);
    expect(await refused(order({ currency_code: 'JPY', value: '100.5' }))).toEqual([
      422,
      'UNPROCESSABLE_ENTITY',
      'DECIMAL_PRECISION',
      '/purchase_units/0/amount/value',
    ]);
    expect(await refused(order({ currency_code: 'RON', value: '10.00' }))).toEqual([
      422,
      'UNPROCESSABLE_ENTITY',
      'CURRENCY_NOT_SUPPORTED',
      '/purchase_units/0/amount/currency_code',
    ]);
    expect((await refused(order({ currency_code: 'USD', value: '0.00' })))[2]).toBe('CANNOT_BE_ZERO_OR_NEGATIVE');
    expect((await refused(order({ currency_code: 'USD', value: '1e3' })))[2]).toBe('INVALID_PARAMETER_SYNTAX');
    const badUrl = {
      ...order({ currency_code: 'USD', value: '1.00' }),
      application_context: { return_url: 'javascript:alert(1)' },
    };
    expect(await refused(badUrl)).toEqual([
      400,
      'INVALID_REQUEST',
      'INVALID_PARAMETER_SYNTAX',
      '/application_context/return_url',
    ]);
    expect((await refused('{"intent":')).slice(0, 3)).toEqual([400, 'INVALID_REQUEST', 'MALFORMED_REQUEST_JSON']);
  });

  it('answers an unknown order 404 RESOURCE_NOT_FOUND with a debug id and an information link', async () => {
    const answer = await call('GET', '/v2/checkout/orders/NOSUCHORDER000000');
    expect(answer.status).toBe(404);
    expect(answer.body).toMatchObject({
      name: 'RESOURCE_NOT_FOUND',
      message: 'The specified resource does not exist.',
      details: [{ issue: 'INVALID_RESOURCE_ID', location: 'path', value: 'NOSUCHORDER000000' }],
    });
    expect(answer.headers.get('paypal-debug-id')).toBe(answer.body.debug_id);
    expect(answer.body.links).toEqual([
      {
        href: 'https://developer.paypal.com/docs/api/orders/v2/#error-INVALID_RESOURCE_ID',
        rel: 'information_link',
        method: 'GET',
      },
    ]);
  });

  it('refuses a second capture of an invoice id already paid (DUPLICATE_INVOICE_ID)', async () => {
    const body = {
      intent: 'CAPTURE',
      purchase_units: [{ invoice_id: 'OB-2027-0001', amount: { currency_code: 'USD', value: '9.00' } }],
    };
    const first = String((await call('POST', '/v2/checkout/orders', body)).body.id);
    const second = String((await call('POST', '/v2/checkout/orders', body)).body.id);
    sandbox.approveOrder(first);
    sandbox.approveOrder(second);
    expect((await call('POST', `/v2/checkout/orders/${first}/capture`)).status).toBe(201);
    const refused = await call('POST', `/v2/checkout/orders/${second}/capture`);
    expect(refused.status).toBe(422);
    expect((refused.body.details as { issue: string }[])[0].issue).toBe('DUPLICATE_INVOICE_ID');
  });

  it('answers as PayPal-Mock-Response asks, as PayPal negative testing does', async () => {
    const id = String((await call('POST', '/v2/checkout/orders', order({ currency_code: 'USD', value: '3.00' }))).body.id);
    sandbox.approveOrder(id);
    const mocked = await call('POST', `/v2/checkout/orders/${id}/capture`, undefined, {
      'PayPal-Mock-Response': JSON.stringify({ mock_application_codes: 'INSTRUMENT_DECLINED' }),
    });
    expect(mocked.status).toBe(422);
    expect((mocked.body.details as { issue: string }[])[0].issue).toBe('INSTRUMENT_DECLINED');
    expect((await call('GET', `/v2/checkout/orders/${id}`)).body.status).toBe('APPROVED');
  });

  it('is driven by /_sandbox controls: approve, fail the next call, list deliveries, add listeners', async () => {
    const listener = await startWebhookListener((_hook, index) => (index === 0 ? 500 : 200));
    try {
      expect((await call('POST', '/_sandbox/webhook-listeners', { url: 'not a url' })).status).toBe(400);
      const added = await call('POST', '/_sandbox/webhook-listeners', { url: listener.url });
      expect(added.body.listeners).toEqual([{ url: listener.url, webhookId: sandbox.webhookId }]);
      const created = await call('POST', '/v2/checkout/orders', {
        ...order({ currency_code: 'USD', value: '12.00' }),
        application_context: { return_url: 'https://app.obolus.test/return' },
      });
      const id = String(created.body.id);
      const approved = await call('POST', `/_sandbox/orders/${id}/approve`, { email: 'ops@example.com' });
      expect((approved.body.order as { status: string }).status).toBe('APPROVED');
      expect(String(approved.body.redirect_url)).toMatch(
        new RegExp(`^https://app\\.obolus\\.test/return\\?token=${id}&PayerID=[A-Z0-9]{13}$`),
      );

      await call('POST', '/_sandbox/fail-next', { count: 1, status: 503 });
      expect((await call('POST', `/v2/checkout/orders/${id}/capture`)).status).toBe(503);
      expect((await call('POST', `/v2/checkout/orders/${id}/capture`)).status).toBe(201);

      await sandbox.webhooksIdle();
      const { deliveries } = (await call('GET', '/_sandbox/webhooks')).body as {
        deliveries: { eventType: string; url: string; status: string; attempts: { status: number }[] }[];
      };
      const mine = deliveries.filter((d) => d.url === listener.url);
      expect(mine.map((d) => [d.eventType, d.status])).toEqual([
        ['CHECKOUT.ORDER.APPROVED', 'succeeded'],
        ['PAYMENT.CAPTURE.COMPLETED', 'succeeded'],
      ]);
      // The listener refused the first try; the same transmission came again.
      expect(mine[0].attempts.map((a) => a.status)).toEqual([500, 200]);
      expect(listener.received[0].headers['paypal-transmission-id']).toBe(listener.received[1].headers['paypal-transmission-id']);
    } finally {
      await call('DELETE', '/_sandbox/webhook-listeners', { url: listener.url });
      await listener.close();
    }
  });

  it('shows an approval page that escapes what the merchant wrote, and 404 for an unknown token', async () => {
    const created = await call('POST', '/v2/checkout/orders', {
      intent: 'CAPTURE',
      purchase_units: [{ description: '<script>alert(1)</script>', amount: { currency_code: 'USD', value: '1.00' } }],
    });
    const page = await fetch(`${sandbox.url}/checkoutnow?token=${String(created.body.id)}`);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>');
    expect((await fetch(`${sandbox.url}/checkoutnow?token=NOPE`)).status).toBe(404);
  });

  it('serves the webhook certificate at the URL webhooks name', async () => {
    const response = await fetch(sandbox.certUrl);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(sandbox.certificatePem);
  });
});
