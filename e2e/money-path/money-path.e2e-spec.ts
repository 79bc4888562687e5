import { SERVICE_KEY_HEADER } from '@obolus/auth';
import { CapturedMessage } from '@obolus/mail-sandbox';
import { LOCAL_NOTIFICATIONS_SERVICE_KEY, LOCAL_STAFF_EMAIL, LOCAL_STAFF_PASSWORD, ObolusService } from '@obolus/stack';
import { waitFor } from '@obolus/testing';
import { CiusRoValidator } from '@obolus/ubl';
import { buildCamt053 } from '@obolus/bank-statements';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import Stripe from 'stripe';
import { Journey, StackHarness } from '../support/stack-harness';

interface Invoice {
  id: string;
  number: string;
  currency: string;
  recipients: string[];
  totals: { netMinor: number; vatMinor: number; grossMinor: number; payableMinor: number };
  lines: { quantity: number; unitPriceMinor: number; vatRateBasisPoints: number }[];
  vatBreakdown: { vatCategory: string; vatRateBasisPoints: number }[];
}

/**
 * The walking skeleton: one French customer from sign-up to an e-mailed invoice, and one Romanian
 * customer to a validated e-Factura XML, through every service's public HTTP API and Kafka events,
 * with nothing inside Obolus faked. Then the same path with each consumer service crashed mid-way.
 */
describe('the money path through all six services', () => {
  const harness = new StackHarness(5300);
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

  interface PathOptions {
    catalog: 'fr-crm' | 'ro-crm';
    /** Crash this service right after the step that feeds it, and start it again. */
    crash?: { service: ObolusService; after: 'sign-up' | 'purchase' };
  }

  async function crashAndRestart(service: ObolusService): Promise<void> {
    await harness.kill(service);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await harness.startService(service);
  }

  /** Steps 1 to 3 of the walk: sign-up, sign-in, billing details with a finance address, the trial. */
  async function signedUp(options: PathOptions) {
    const journey = new Journey();
    const tag = randomBytes(4).toString('hex');
    const fr = options.catalog === 'fr-crm';
    const owner = `owner+${tag}@${fr ? 'atelier-dupont.fr' : 'fabrica-stefanesti.ro'}`;
    const finance = `compta+${tag}@${fr ? 'atelier-dupont.fr' : 'fabrica-stefanesti.ro'}`;
    const password = `Correct-Horse-${tag}`;

    // 1. identity: sign-up, then sign-in.
    const { accountId } = await journey.request<{ accountId: string }>('POST', `${harness.url('identity')}/accounts`, {
      companyName: fr ? 'Atelier Dupont SAS' : 'Fabrica de Pâine Ștefănești SRL',
      email: owner,
      password,
      country: fr ? 'FR' : 'RO',
      catalog: options.catalog,
      signupChannel: 'website',
    });
    if (options.crash?.after === 'sign-up') await crashAndRestart(options.crash.service);
    const session = await journey.request<{ accessToken: string }>('POST', `${harness.url('identity')}/auth/sign-in`, {
      email: owner,
      password,
    });
    journey.accessToken = session.accessToken;

    // 2. invoicing: billing details, with a finance address that also gets invoices (I1).
    await journey.request('PUT', `${harness.url('invoicing')}/accounts/${accountId}/billing-details`, {
      legalName: fr ? 'Atelier Dupont SAS' : 'Fabrica de Pâine Ștefănești SRL',
      buyerType: 'business',
      ...(fr ? { vatNumber: 'FR40303265045' } : { companyId: '12448440', tradeRegisterNumber: 'J22/123/2010' }),
      address: fr
        ? { line1: '8 rue des Lilas', city: 'Lyon', postalCode: '69003', country: 'FR' }
        : { line1: 'Bd. Ștefan cel Mare 1', city: 'Iași', postalCode: '700028', countrySubdivision: 'RO-IS', country: 'RO' },
      extraRecipients: [finance],
    });

    // 3. subscriptions: the trial started from account.created, for the channel's length (T1).
    const trial = await waitFor(
      () =>
        journey
          .request<{
            status: string;
            edition: string;
            trialEndsOn: string;
          }>('GET', `${harness.url('subscriptions')}/accounts/${accountId}/subscription`, undefined, [200, 404])
          .then((s) => (s.status ? s : undefined)),
      { what: 'the trial', timeoutMs: 60_000 },
    );
    expect(trial).toMatchObject({ status: 'trialing', edition: fr ? 'dream-team' : 'ultimate' });

    return { journey, accountId, owner, finance, fr };
  }

  async function walk(options: PathOptions) {
    const { journey, accountId, owner, finance, fr } = await signedUp(options);
    // 4. payments: save a card for off-session charges (SetupIntent confirmed in the "browser").
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

    // 5. subscriptions: the customer buys (Dream Team monthly, 3 users / Premium 1 month, 2 users).
    await journey.request('POST', `${harness.url('subscriptions')}/accounts/${accountId}/subscription/purchase`, {
      edition: fr ? 'dream-team' : 'premium',
      term: fr ? 'monthly' : 'prepaid-1',
      seats: fr ? 3 : 2,
      paymentMethod: 'card',
    });
    if (options.crash?.after === 'purchase') await crashAndRestart(options.crash.service);

    // 6. The invoice e-mail: payment, invoice, PDF, SMTP.
    const email = await waitFor(
      () => harness.mail.messages().find((m) => m.envelope.to.includes(owner) && /^(Facture|Factura) /.test(m.subject)),
      { what: `the invoice e-mail to ${owner}`, timeoutMs: 120_000, intervalMs: 250 },
    );
    const invoices = await journey.request<Invoice[]>('GET', `${harness.url('invoicing')}/accounts/${accountId}/invoices`);
    return { journey, accountId, owner, finance, email, invoices };
  }

  function assertInvoiceEmail(email: CapturedMessage, invoice: Invoice, owner: string, finance: string) {
    expect([...email.envelope.to].sort()).toEqual([owner, finance].sort());
    expect(email.subject).toContain(invoice.number);
    expect(email.attachments).toHaveLength(1);
    const [pdf] = email.attachments;
    expect(pdf!.filename).toBe(`${invoice.number}.pdf`);
    expect(pdf!.contentType).toBe('application/pdf');
    expect(pdf!.content.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf!.content.toString('latin1')).toContain(`(${invoice.number})`);
  }

  async function countsFor(accountId: string) {
    const one = async (sql: string) => Number((await db.query(sql, [accountId])).rows[0].n);
    return {
      invoices: await one('SELECT count(*) AS n FROM invoicing.invoices WHERE account_id = $1'),
      payments: await one(`SELECT count(*) AS n FROM payments.payments WHERE account_id = $1 AND status = 'succeeded'`),
      invoiceEmails: await one(
        `SELECT count(*) AS n FROM notifications.deliveries WHERE account_id = $1 AND template = 'invoice-issued'`,
      ),
      documents: await one('SELECT count(*) AS n FROM efactura_gateway.documents WHERE account_id = $1'),
    };
  }

  it('takes a French company from sign-up to an e-mailed invoice with 20% VAT, in one trace', async () => {
    const { journey, accountId, owner, finance, email, invoices } = await walk({ catalog: 'fr-crm' });
    expect(invoices).toHaveLength(1);
    const [invoice] = invoices;
    expect(invoice!.number).toMatch(/^OBFR-\d{4}-\d{6}$/);
    expect(invoice!.currency).toBe('EUR');
    expect(invoice!.lines).toEqual([expect.objectContaining({ quantity: 3, unitPriceMinor: 3900, vatRateBasisPoints: 2000 })]);
    expect(invoice!.totals).toMatchObject({ netMinor: 11700, vatMinor: 2340, grossMinor: 14040, payableMinor: 0 });
    assertInvoiceEmail(email, invoice!, owner, finance);

    // The PDF served over HTTP is the one that was e-mailed.
    const pdf = await journey.download(`${harness.url('invoicing')}/accounts/${accountId}/invoices/${invoice!.id}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe('application/pdf');
    expect(createHash('sha256').update(pdf.body).digest('hex')).toBe(
      createHash('sha256').update(email.attachments[0]!.content).digest('hex'),
    );
    // The event carried a reference; other services fetch the bytes from invoicing, with their own key only.
    const internalPdf = (invoiceId: string) => `${harness.url('invoicing')}/internal/invoices/${invoiceId}/pdf`;
    const asNotifications = { [SERVICE_KEY_HEADER]: LOCAL_NOTIFICATIONS_SERVICE_KEY };
    const served = await fetch(internalPdf(invoice!.id), { headers: asNotifications });
    expect(served.status).toBe(200);
    expect(Buffer.from(await served.arrayBuffer()).equals(pdf.body)).toBe(true);
    expect((await journey.download(internalPdf(invoice!.id))).status).toBe(401);
    expect((await fetch(internalPdf(invoice!.id), { headers: { [SERVICE_KEY_HEADER]: 'not-the-key-0123456789' } })).status).toBe(
      401,
    );
    expect((await fetch(internalPdf(randomUUID()), { headers: asNotifications })).status).toBe(404);

    // Stripe was charged once, the gross amount, off-session.
    const charged = await stripe.paymentIntents.list({ limit: 100 });
    const ours = charged.data.filter((pi) => pi.metadata?.account_id === accountId);
    expect(ours.map((pi) => [pi.amount, pi.currency, pi.status])).toEqual([[14040, 'eur', 'succeeded']]);

    // One trace, from the sign-up request to the handler that sent the e-mail.
    const spans = await waitFor(
      () => {
        const inTrace = harness.receiver.inTrace(journey.traceId);
        const sent = inTrace.find((s) => s.service === 'notifications' && s.name === 'handle obolus.invoicing.invoice.issued.v1');
        return sent ? inTrace : undefined;
      },
      { what: 'the e-mail handler span in the journey trace', timeoutMs: 30_000 },
    );
    const services = new Set(spans.map((s) => s.service));
    // Every service took part, efactura-gateway included: it reads every invoice and keeps the Romanian ones.
    expect([...services].sort()).toEqual([
      'efactura-gateway',
      'identity',
      'invoicing',
      'notifications',
      'payments',
      'subscriptions',
    ]);
    const names = spans.map((s) => s.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'publish identity.account.v1',
        'handle obolus.subscriptions.subscription.activated.v1',
        'handle obolus.invoicing.invoice.payment-requested.v1',
        'publish payments.payment.v1',
        'handle obolus.payments.payment.succeeded.v1',
        'handle obolus.invoicing.invoice.issued.v1',
      ]),
    );
    expect(await countsFor(accountId)).toMatchObject({ invoices: 1, payments: 1, invoiceEmails: 1 });
  });

  it('takes a Romanian company to an invoice with 21% VAT and a CIUS-RO XML that passes the official rules', async () => {
    const { journey, accountId, owner, finance, email, invoices } = await walk({ catalog: 'ro-crm' });
    const [invoice] = invoices;
    expect(invoice!.number).toMatch(/^OBRO-\d{4}-\d{6}$/);
    expect(invoice!.totals).toMatchObject({ netMinor: 9800, vatMinor: 2058, grossMinor: 11858 });
    assertInvoiceEmail(email, invoice!, owner, finance);

    const xml = await waitFor(
      async () => {
        const download = await journey.download(
          `${harness.url('efactura-gateway')}/accounts/${accountId}/efactura/invoices/${invoice!.id}/xml`,
        );
        return download.status === 200 ? download : undefined;
      },
      { what: 'the e-Factura XML', timeoutMs: 60_000 },
    );
    expect(xml.type).toMatch(/application\/xml/);
    const text = xml.body.toString('utf8');
    expect(text).toContain(`<cbc:ID>${invoice!.number}</cbc:ID>`);
    expect(text).toContain('urn:cen.eu:en16931:2017#compliant#urn:efactura.mfinante.ro:CIUS-RO:1.0.1');
    const report = await CiusRoValidator.create().validate(text);
    expect(report.findings.filter((f) => f.severity === 'fatal')).toEqual([]);
    expect(report.valid).toBe(true);
    expect(await countsFor(accountId)).toMatchObject({ invoices: 1, payments: 1, invoiceEmails: 1, documents: 1 });

    // Another account's token cannot read this account's XML or invoices.
    const stranger = new Journey();
    stranger.accessToken = journey.accessToken;
    const foreign = await stranger.download(`${harness.url('invoicing')}/accounts/00000000-0000-4000-8000-000000000000/invoices`);
    expect(foreign.status).toBe(404);
  });

  /** A staff member's session, from the console sign-in (the local stack creates the staff user). */
  async function staff(): Promise<Journey> {
    const journey = new Journey();
    const session = await journey.request<{ accessToken: string }>('POST', `${harness.url('identity')}/staff/auth/sign-in`, {
      email: LOCAL_STAFF_EMAIL,
      password: LOCAL_STAFF_PASSWORD,
    });
    journey.accessToken = session.accessToken;
    return journey;
  }

  interface CreditNote {
    id: string;
    number: string;
    series: string;
    invoiceId: string;
    reason: string;
    refundId: string | null;
    totals: { netMinor: number; vatMinor: number; grossMinor: number };
  }

  it('refunds part of a card payment once, with a credit note for that amount e-mailed with its PDF; a repeat gives nothing more; more than was paid is refused', async () => {
    const { journey, accountId, owner, invoices } = await walk({ catalog: 'fr-crm' });
    const [invoice] = invoices;
    const [payment] = await journey.request<{ id: string; amountMinor: number }[]>(
      'GET',
      `${harness.url('payments')}/accounts/${accountId}/payments`,
    );
    expect(payment!.amountMinor).toBe(invoice!.totals.grossMinor);
    const console = await staff();
    const refundUrl = `${harness.url('payments')}/staff/accounts/${accountId}/payments/${payment!.id}/refunds`;
    const key = { 'Idempotency-Key': `refund-${randomUUID()}` };
    const body = { amountMinor: 2970, reason: 'One seat removed the day after purchase' };

    // A customer's token cannot refund; a staff token without an Idempotency-Key is told which header is missing.
    expect((await journey.download(refundUrl)).status).toBeGreaterThanOrEqual(400);
    const keyless = await console.send('POST', refundUrl, body);
    expect(keyless.status).toBe(400);
    expect(keyless.json).toMatchObject({ fields: [expect.objectContaining({ field: 'Idempotency-Key' })] });

    const refund = await console.request<{ id: string; status: string; amountMinor: number; providerRefundId: string }>(
      'POST',
      refundUrl,
      body,
      [201],
      key,
    );
    expect(refund).toMatchObject({ status: 'succeeded', amountMinor: 2970 });
    // The same request again answers the same refund, and Stripe refunded once.
    await expect(console.request('POST', refundUrl, body, [201], key)).resolves.toEqual(refund);
    const atStripe = await stripe.refunds.list({ limit: 100 });
    expect(atStripe.data.filter((r) => r.metadata?.account_id === accountId).map((r) => [r.id, r.amount])).toEqual([
      [refund.providerRefundId, 2970],
    ]);
    // More than is left to refund (14040 - 2970 = 11070) is a 422 naming the amount, and nothing is written.
    const over = await console.send(
      'POST',
      refundUrl,
      { amountMinor: 11071, reason: 'too much' },
      { 'Idempotency-Key': `over-${randomUUID()}` },
    );
    expect(over.status).toBe(422);
    expect(over.json).toMatchObject({ code: 'REFUND_EXCEEDS_PAYMENT', fields: [{ field: 'amountMinor' }] });

    // invoicing credits exactly the refunded amount against the invoice, in the credit-note series.
    const [creditNote] = await waitFor(
      () =>
        journey
          .request<CreditNote[]>('GET', `${harness.url('invoicing')}/accounts/${accountId}/credit-notes`)
          .then((notes) => (notes.length ? notes : undefined)),
      { what: 'the credit note', timeoutMs: 60_000, intervalMs: 250 },
    );
    expect(creditNote).toMatchObject({ invoiceId: invoice!.id, reason: 'refund', refundId: refund.id });
    expect(creditNote!.totals).toMatchObject({ grossMinor: 2970, netMinor: 2475, vatMinor: 495 });
    expect(creditNote!.number).toMatch(/^OBFR-CN-\d{4}-\d{6}$/);
    const email = await waitFor(
      () => harness.mail.messages().find((m) => m.envelope.to.includes(owner) && m.subject.includes(creditNote!.number)),
      { what: 'the credit note e-mail', timeoutMs: 60_000, intervalMs: 250 },
    );
    expect(email.subject).toMatch(/^Avoir /);
    expect(email.attachments.map((a) => a.filename)).toEqual([`${creditNote!.number}.pdf`]);
    const pdf = await journey.download(`${harness.url('invoicing')}/accounts/${accountId}/credit-notes/${creditNote!.id}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.body.equals(email.attachments[0]!.content)).toBe(true);
    // One refund, one credit note, one e-mail: a repeat created nothing.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const one = async (sql: string) => Number((await db.query(sql, [accountId])).rows[0].n);
    expect(await one('SELECT count(*) AS n FROM payments.refunds WHERE account_id = $1')).toBe(1);
    expect(await one('SELECT count(*) AS n FROM invoicing.credit_notes WHERE account_id = $1')).toBe(1);
    expect(
      await one(`SELECT count(*) AS n FROM notifications.deliveries WHERE account_id = $1 AND template = 'credit-note-issued'`),
    ).toBe(1);
  });

  it('credits a Romanian refund with a CreditNote XML that passes the official rules and names the invoice it corrects', async () => {
    const { journey, accountId, invoices } = await walk({ catalog: 'ro-crm' });
    const [invoice] = invoices;
    const [payment] = await journey.request<{ id: string }[]>('GET', `${harness.url('payments')}/accounts/${accountId}/payments`);
    const console = await staff();
    await console.request(
      'POST',
      `${harness.url('payments')}/staff/accounts/${accountId}/payments/${payment!.id}/refunds`,
      { reason: 'Subscription cancelled the day it was bought' },
      [201],
      { 'Idempotency-Key': `refund-${randomUUID()}` },
    );
    const [creditNote] = await waitFor(
      () =>
        journey
          .request<CreditNote[]>('GET', `${harness.url('invoicing')}/accounts/${accountId}/credit-notes`)
          .then((notes) => (notes.length ? notes : undefined)),
      { what: 'the credit note', timeoutMs: 60_000, intervalMs: 250 },
    );
    // The whole payment came back: the whole invoice is credited, in RON, in the Romanian credit-note series.
    expect(creditNote!.number).toMatch(/^OBRO-CN-\d{4}-\d{6}$/);
    expect(creditNote!.totals).toMatchObject({ grossMinor: invoice!.totals.grossMinor, vatMinor: invoice!.totals.vatMinor });
    const xml = await waitFor(
      async () => {
        const download = await journey.download(
          `${harness.url('efactura-gateway')}/accounts/${accountId}/efactura/credit-notes/${creditNote!.id}/xml`,
        );
        return download.status === 200 ? download : undefined;
      },
      { what: 'the CreditNote XML', timeoutMs: 60_000 },
    );
    const text = xml.body.toString('utf8');
    expect(text).toContain('<CreditNote');
    expect(text).toContain('<cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>');
    expect(text).toContain(`<cbc:ID>${invoice!.number}</cbc:ID>`);
    const report = await CiusRoValidator.create().validate(text);
    expect(report.findings.filter((f) => f.severity === 'fatal')).toEqual([]);
    expect(report.valid).toBe(true);

    // I2: invoicing serves both documents' XML beside their PDFs, fetched from efactura-gateway by reference.
    const fromInvoicing = await journey.download(
      `${harness.url('invoicing')}/accounts/${accountId}/credit-notes/${creditNote!.id}/xml`,
    );
    expect(fromInvoicing.status).toBe(200);
    expect(fromInvoicing.type).toMatch(/application\/xml/);
    expect(fromInvoicing.body.equals(xml.body)).toBe(true);
    const invoiceXml = await journey.download(`${harness.url('invoicing')}/accounts/${accountId}/invoices/${invoice!.id}/xml`);
    expect(invoiceXml.status).toBe(200);
    expect(invoiceXml.body.toString('utf8')).toContain(`<cbc:ID>${invoice!.number}</cbc:ID>`);
    const stranger = await journey.download(`${harness.url('invoicing')}/accounts/${randomUUID()}/invoices/${invoice!.id}/xml`);
    expect(stranger.status).toBe(404);
  });

  interface Proforma {
    id: string;
    number: string;
    status: string;
    invoiceId: string | null;
    lines: { unitPriceMinor: number; quantity: number }[];
    totals: { netMinor: number; vatMinor: number; grossMinor: number };
    transfer: { reference: string; iban: string; amountMinor: number };
  }

  /** A customer buys a yearly period by bank transfer; answers its proforma once e-mailed, with the e-mail. */
  async function boughtByTransfer(catalog: 'fr-crm' | 'ro-crm') {
    const customer = await signedUp({ catalog });
    const fr = catalog === 'fr-crm';
    await customer.journey.request(
      'POST',
      `${harness.url('subscriptions')}/accounts/${customer.accountId}/subscription/purchase`,
      {
        edition: fr ? 'dream-team' : 'premium',
        term: fr ? 'annual' : 'prepaid-12',
        seats: 1,
        paymentMethod: 'bank_transfer',
      },
    );
    const email = await waitFor(
      () =>
        harness.mail
          .messages()
          .find((m) => m.envelope.to.includes(customer.owner) && /^(Facture proforma|Factură proformă) /.test(m.subject)),
      { what: `the proforma e-mail to ${customer.owner}`, timeoutMs: 60_000, intervalMs: 250 },
    );
    const [proforma] = await customer.journey.request<Proforma[]>(
      'GET',
      `${harness.url('invoicing')}/accounts/${customer.accountId}/proformas`,
    );
    return { ...customer, email, proforma: proforma! };
  }

  /** Staff upload a camt.053 statement to payments. */
  const uploadStatement = (console: Journey, xml: string) =>
    fetch(`${harness.url('payments')}/staff/bank-statements?reason=${encodeURIComponent('Statement exported from the bank')}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${console.accessToken}`, 'content-type': 'application/xml' },
      body: xml,
    });

  const amountAsBankWrites = (minor: number) => (minor / 100).toFixed(2);

  it('bank transfer, French annual plan: a proforma without the annual discount is e-mailed; a camt.053 with its reference issues the invoice; the same file again changes nothing; an unknown reference stays unmatched for staff', async () => {
    const buyer = await boughtByTransfer('fr-crm');
    const { proforma } = buyer;
    // P2: twelve monthly prices (12 × 39.00 €), not the annual 390.00 €.
    expect(proforma.lines).toEqual([expect.objectContaining({ quantity: 1, unitPriceMinor: 46800 })]);
    expect(proforma.totals).toMatchObject({ netMinor: 46800, vatMinor: 9360, grossMinor: 56160 });
    expect(proforma).toMatchObject({ status: 'open', number: expect.stringMatching(/^OBFR-PF-\d{4}-\d{6}$/) });
    expect(proforma.transfer).toMatchObject({ iban: 'FR7630006000011234567890189', amountMinor: 56160 });
    expect([...buyer.email.envelope.to].sort()).toEqual([buyer.owner, buyer.finance].sort());
    expect(buyer.email.text).toContain(proforma.transfer.reference.replace(/(.{4})(?=.)/g, '$1 '));
    expect(buyer.email.attachments.map((a) => a.filename)).toEqual([`${proforma.number}.pdf`]);
    // Not a fiscal invoice: none is issued before the money arrives.
    expect(
      await buyer.journey.request<unknown[]>('GET', `${harness.url('invoicing')}/accounts/${buyer.accountId}/invoices`),
    ).toEqual([]);

    const console = await staff();
    const statementId = `STMT-${randomUUID()}`;
    const unknownReference = 'RF18539007547034';
    const statement = buildCamt053({
      statementId,
      iban: 'FR7630006000011234567890189',
      entries: [
        {
          entryReference: `E1-${statementId}`,
          amount: amountAsBankWrites(56160),
          reference: proforma.transfer.reference,
          payerName: 'ATELIER DUPONT SAS',
        },
        { entryReference: `E2-${statementId}`, amount: '120.00', reference: unknownReference, payerName: 'SOMEONE ELSE SARL' },
      ],
    });
    const first = await uploadStatement(console, statement);
    expect(first.status).toBe(201);
    const recorded = (await first.json()) as { statements: { counts: { matched: number; unmatched: number } }[] };
    expect(recorded.statements[0]!.counts).toMatchObject({ matched: 1, unmatched: 1 });

    const invoiceEmail = await waitFor(
      () => harness.mail.messages().find((m) => m.envelope.to.includes(buyer.owner) && /^Facture OBFR-/.test(m.subject)),
      { what: 'the invoice e-mail after the transfer', timeoutMs: 60_000, intervalMs: 250 },
    );
    const invoices = await buyer.journey.request<Invoice[]>(
      'GET',
      `${harness.url('invoicing')}/accounts/${buyer.accountId}/invoices`,
    );
    expect(invoices).toHaveLength(1);
    expect(invoices[0]!.totals).toMatchObject({ grossMinor: 56160, payableMinor: 0 });
    expect(invoiceEmail.subject).toContain(invoices[0]!.number);
    const [paid] = await buyer.journey.request<Proforma[]>(
      'GET',
      `${harness.url('invoicing')}/accounts/${buyer.accountId}/proformas`,
    );
    expect(paid).toMatchObject({ status: 'paid', invoiceId: invoices[0]!.id });

    // The same statement again: recognised, and nothing new anywhere.
    const again = await uploadStatement(console, statement);
    expect(again.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(await countsFor(buyer.accountId)).toMatchObject({ invoices: 1, payments: 1, invoiceEmails: 1 });
    const unmatched = await console.request<{ references: string[]; amountMinor: number }[]>(
      'GET',
      `${harness.url('payments')}/staff/bank-statements/unmatched`,
    );
    expect(
      unmatched.filter((e) => e.references.includes(unknownReference) && e.amountMinor === 12000).length,
    ).toBeGreaterThanOrEqual(1);

    // Hostile uploads are refused, and nothing is written.
    const before = Number((await db.query('SELECT count(*) AS n FROM payments.bank_statements')).rows[0].n);
    expect((await uploadStatement(console, '<Document><BkToCstmrStmt>')).status).toBe(422);
    expect(
      (
        await uploadStatement(
          console,
          '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;">]><Document>&b;</Document>',
        )
      ).status,
    ).toBe(422);
    expect(
      (await uploadStatement(console, buildCamt053({ statementId: 'NS', entries: [], namespace: 'urn:example:not-camt' })))
        .status,
    ).toBe(415);
    expect((await uploadStatement(console, `<Document>${'x'.repeat(50 * 1024 * 1024)}</Document>`)).status).toBe(413);
    expect(Number((await db.query('SELECT count(*) AS n FROM payments.bank_statements')).rows[0].n)).toBe(before);
  });

  it('payment order, Romanian: the proforma in RON and Romanian, then the camt.053 match, then the fiscal invoice with its CIUS-RO XML and the prepaid year', async () => {
    const buyer = await boughtByTransfer('ro-crm');
    const { proforma } = buyer;
    expect(proforma.number).toMatch(/^OBRO-PF-\d{4}-\d{6}$/);
    expect(buyer.email.subject).toMatch(/^Factură proformă OBRO-PF-/);
    expect(buyer.email.text).toContain('Referință (obligatoriu în ordinul de plată)');
    const statementId = `EXTRAS-${randomUUID()}`;
    const response = await uploadStatement(
      await staff(),
      buildCamt053({
        statementId,
        iban: 'RO49AAAA1B31007593840000',
        currency: 'RON',
        entries: [
          {
            entryReference: `R1-${statementId}`,
            amount: amountAsBankWrites(proforma.transfer.amountMinor),
            currency: 'RON',
            reference: proforma.transfer.reference,
            payerName: 'FABRICA DE PAINE STEFANESTI SRL',
          },
        ],
      }),
    );
    expect(response.status).toBe(201);
    await waitFor(
      () => harness.mail.messages().find((m) => m.envelope.to.includes(buyer.owner) && /^Factura OBRO-/.test(m.subject)),
      {
        what: 'the Romanian invoice e-mail after the payment order',
        timeoutMs: 60_000,
        intervalMs: 250,
      },
    );
    const [invoice] = await buyer.journey.request<Invoice[]>(
      'GET',
      `${harness.url('invoicing')}/accounts/${buyer.accountId}/invoices`,
    );
    expect(invoice!.totals).toMatchObject({ grossMinor: proforma.totals.grossMinor, payableMinor: 0 });
    const xml = await waitFor(
      async () => {
        const download = await buyer.journey.download(
          `${harness.url('invoicing')}/accounts/${buyer.accountId}/invoices/${invoice!.id}/xml`,
        );
        return download.status === 200 ? download : undefined;
      },
      { what: "the invoice's CIUS-RO XML", timeoutMs: 60_000 },
    );
    const report = await CiusRoValidator.create().validate(xml.body.toString('utf8'));
    expect(report.valid).toBe(true);
    const subscription = await buyer.journey.request<{
      status: string;
      term: string;
      currentPeriodStart: string;
      currentPeriodEnd: string;
    }>('GET', `${harness.url('subscriptions')}/accounts/${buyer.accountId}/subscription`);
    expect(subscription).toMatchObject({ status: 'active', term: 'prepaid-12' });
    const start = subscription.currentPeriodStart;
    expect(subscription.currentPeriodEnd).toBe(`${Number(start.slice(0, 4)) + 1}${start.slice(4)}`);
  });

  const crashes: { service: ObolusService; after: 'sign-up' | 'purchase'; catalog: 'fr-crm' | 'ro-crm' }[] = [
    { service: 'subscriptions', after: 'sign-up', catalog: 'fr-crm' },
    { service: 'payments', after: 'purchase', catalog: 'fr-crm' },
    { service: 'invoicing', after: 'purchase', catalog: 'fr-crm' },
    { service: 'notifications', after: 'purchase', catalog: 'fr-crm' },
    { service: 'efactura-gateway', after: 'purchase', catalog: 'ro-crm' },
  ];

  it.each(crashes)(
    'loses and duplicates nothing when $service crashes after the $after step',
    async ({ service, after, catalog }) => {
      const { accountId, owner, email, invoices } = await walk({ catalog, crash: { service, after } });
      expect(invoices).toHaveLength(1);
      expect(email.subject).toContain(invoices[0]!.number);
      if (catalog === 'ro-crm') {
        await waitFor(async () => (await countsFor(accountId)).documents === 1, {
          what: 'the e-Factura document',
          timeoutMs: 60_000,
        });
      }
      // Give redeliveries time to show up, then count: one of everything.
      await new Promise((resolve) => setTimeout(resolve, 3000));
      expect(await countsFor(accountId)).toEqual({
        invoices: 1,
        payments: 1,
        invoiceEmails: 1,
        documents: catalog === 'ro-crm' ? 1 : 0,
      });
      expect(
        harness.mail.messages().filter((m) => m.envelope.to.includes(owner) && /^(Facture|Factura) /.test(m.subject)),
      ).toHaveLength(1);
    },
  );
});
