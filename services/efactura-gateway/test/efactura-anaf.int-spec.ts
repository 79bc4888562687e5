import { INestApplication } from '@nestjs/common';
import { AnafClient, readAnafArchive } from '@obolus/anaf';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the ANAF sandbox stands in for ANAF, as in e2e
import { AnafSandbox } from '@obolus/anaf-sandbox';
import { TestTokenIssuer } from '@obolus/auth';
import { CloudEvent, CreditNoteIssuedV1Data, InvoiceIssuedV1Data } from '@obolus/contracts';
import { ScheduledJobRunner } from '@obolus/messaging';
import { SecretBox } from '@obolus/platform';
import { issuedRomanianInvoice, waitFor } from '@obolus/testing';
import { CiusRoValidator } from '@obolus/ubl';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DocumentsConsumer } from '../src/documents/documents.consumer';
import { issuedRomanianCreditNote } from '../src/documents/test-support/issued-credit-note';
import {
  GatewayWithAnafSandbox,
  Owner,
  SANDBOX_CLIENT as CLIENT,
  SELLER_CIF,
  startGatewayWithAnafSandbox,
  TOKENS_KEY,
} from './gateway-with-anaf-sandbox';

describe('efactura-gateway with the ANAF sandbox (real Postgres, ANAF on loopback)', () => {
  let gateway: GatewayWithAnafSandbox;
  let anaf: AnafSandbox;
  let app: INestApplication;
  let url: string;
  let db: Client;
  let issuer: TestTokenIssuer;
  /** The service's jobs on a runner of the spec's own, retrying after 50 ms instead of 1 s. */
  let runner: ScheduledJobRunner;
  /** ANAF as the spec itself calls it, to check what the gateway's tokens still do. */
  let anafClient: AnafClient;

  beforeAll(async () => {
    gateway = await startGatewayWithAnafSandbox({
      sandbox: { validator: CiusRoValidator.create({ warmUp: true }) },
      env: { PORTAL_URL: 'https://portal.obolus.example' },
    });
    ({ anaf, app, url, db, issuer, runner } = gateway);
    anafClient = new AnafClient({
      oauthUrl: `${anaf.url}/anaf-oauth2/v1`,
      apiUrl: `${anaf.url}/test/FCTEL/rest`,
      ...CLIENT,
      redirectUri: gateway.redirectUri,
    });
  });

  afterAll(async () => {
    await gateway?.close();
  });

  const call = <T>(method: string, path: string, token?: string, body?: unknown) => gateway.call<T>(method, path, token, body);
  const owner = () => gateway.owner();
  /** The owner connects the CUI: Obolus's start route, ANAF's approve page (the certificate step); the callback is the test's. */
  const connect = (who: Owner): Promise<URL> => gateway.authorize(who);

  /** An invoice of the account, issued today (ANAF refuses a second upload of the same number and date). */
  function invoiceOf(accountId: string): InvoiceIssuedV1Data {
    const invoice = issuedRomanianInvoice();
    const suffix = String(Math.floor(Math.random() * 999_999)).padStart(6, '0');
    return { ...invoice, accountId, invoiceId: randomUUID(), number: `OBRO-2026-${suffix}` };
  }

  async function issue(invoice: InvoiceIssuedV1Data): Promise<void> {
    const event = {
      id: randomUUID(),
      type: 'obolus.invoicing.invoice.issued.v1',
      data: invoice,
    } as CloudEvent<InvoiceIssuedV1Data>;
    await gateway.handOff((context) => app.get(DocumentsConsumer).onInvoiceIssued(event, context));
  }

  /** A credit note of the account against one of its invoices, as `credit-note.issued` carries it. */
  function creditNoteOf(invoice: InvoiceIssuedV1Data): CreditNoteIssuedV1Data {
    const suffix = String(Math.floor(Math.random() * 999_999)).padStart(6, '0');
    return {
      ...issuedRomanianCreditNote(),
      accountId: invoice.accountId,
      creditNoteId: randomUUID(),
      number: `OBRO-CN-2026-${suffix}`,
      invoiceId: invoice.invoiceId,
      invoiceNumber: invoice.number,
      invoiceIssueDate: invoice.issueDate,
    };
  }

  async function issueCreditNote(creditNote: CreditNoteIssuedV1Data): Promise<void> {
    const event = {
      id: randomUUID(),
      type: 'obolus.invoicing.credit-note.issued.v1',
      data: creditNote,
    } as CloudEvent<CreditNoteIssuedV1Data>;
    await gateway.handOff((context) => app.get(DocumentsConsumer).onCreditNoteIssued(event, context));
  }

  type Submission = {
    status: string;
    uploadIndex: string | null;
    anafErrors: string[];
    ruleIds: string[];
    archived: boolean;
    endpoint: string;
  };
  const submissionOf = (who: { accountId: string; token: string }, invoiceId: string, documents = 'invoices') =>
    call<Submission>('GET', `/accounts/${who.accountId}/efactura/${documents}/${invoiceId}/submission`, who.token);

  /** Runs due jobs until the submission reaches `status` (retries wait 50 ms, polls 1 s). */
  async function until(
    who: { accountId: string; token: string },
    invoiceId: string,
    status: string,
    documents: 'invoices' | 'credit-notes' = 'invoices',
  ): Promise<Submission> {
    return waitFor(
      async () => {
        await runner.runDue();
        const found = await submissionOf(who, invoiceId, documents);
        return found.status === 200 && found.body.status === status ? found.body : undefined;
      },
      { what: `the submission ${status}`, timeoutMs: 30_000, intervalMs: 100 },
    );
  }

  let connected: { accountId: string; token: string };

  it('connects a CUI through ANAF OAuth: the state binds account and CUI, the tokens are stored sealed', async () => {
    connected = await owner();
    const before = await call<{ connected: boolean; status: string }>(
      'GET',
      `/accounts/${connected.accountId}/efactura/authorizations/${SELLER_CIF}`,
      connected.token,
    );
    expect(before.body).toEqual({ cif: SELLER_CIF, connected: false, status: 'not-connected' });

    const callback = await connect(connected);
    expect(`${callback.origin}${callback.pathname}`).toBe(`${url}/efactura/oauth/callback`);
    const done = await call<{ cif: string; connected: boolean }>('GET', `${callback.pathname}${callback.search}`);
    expect(done).toMatchObject({ status: 200, body: { cif: SELLER_CIF, connected: true } });
    // The state is good once.
    expect((await call('GET', `${callback.pathname}${callback.search}`)).status).toBe(400);
    expect((await call('GET', `/efactura/oauth/callback?state=forged&code=x`)).status).toBe(400);

    const status = await call<{ connected: boolean }>(
      'GET',
      `/accounts/${connected.accountId}/efactura/authorizations/RO${SELLER_CIF}`,
      connected.token,
    );
    expect(status.body).toMatchObject({
      cif: SELLER_CIF,
      connected: true,
      status: 'connected',
      accessTokenExpiresAt: expect.any(String),
    });
    const stored = await db.query(
      `SELECT access_token_sealed, refresh_token_sealed FROM efactura_gateway.authorizations WHERE account_id = $1`,
      [connected.accountId],
    );
    expect(stored.rows).toHaveLength(1);
    expect(stored.rows[0].access_token_sealed).toMatch(/^v1\./);
    expect(JSON.stringify(stored.rows[0])).not.toContain('eyJ');

    // Another account cannot read it, and only an owner may start the flow.
    const stranger = await owner();
    expect(
      (await call('GET', `/accounts/${connected.accountId}/efactura/authorizations/${SELLER_CIF}`, stranger.token)).status,
    ).toBe(404);
    const member = await issuer.customer({
      userId: randomUUID(),
      accountId: connected.accountId,
      email: 'm@example.ro',
      role: 'user',
    });
    expect(
      (await call('POST', `/accounts/${connected.accountId}/efactura/authorizations`, member, { cif: SELLER_CIF })).status,
    ).toBe(403);
  });

  it('uploads a valid invoice, follows it through in prelucrare to ok, and keeps the signed ZIP for the owner', async () => {
    const invoice = invoiceOf(connected.accountId);
    await issue(invoice);
    const uploaded = await until(connected, invoice.invoiceId, 'uploaded');
    expect(uploaded).toMatchObject({ endpoint: 'upload', uploadIndex: expect.stringMatching(/^\d+$/), archived: false });
    expect(anaf.requests('/upload').at(-1)).toMatchObject({ status: 200, query: { standard: 'UBL', cif: SELLER_CIF } });

    // ANAF still processing: a poll changes nothing.
    await waitFor(async () => anaf.requests('/stareMesaj').length > 0 || (await runner.runDue(), false), {
      what: 'a first poll',
      timeoutMs: 10_000,
    });
    expect((await submissionOf(connected, invoice.invoiceId)).body.status).toBe('uploaded');

    await anaf.advanceProcessing(Number(uploaded.uploadIndex));
    const accepted = await until(connected, invoice.invoiceId, 'accepted');
    expect(accepted).toMatchObject({ archived: true, anafErrors: [], signer: expect.stringContaining('Sandbox ANAF') });

    const archive = await fetch(`${url}/accounts/${connected.accountId}/efactura/invoices/${invoice.invoiceId}/anaf-archive`, {
      headers: { authorization: `Bearer ${connected.token}` },
    });
    expect(archive.status).toBe(200);
    expect(archive.headers.get('content-type')).toBe('application/zip');
    const zip = Buffer.from(await archive.arrayBuffer());
    const xml = await fetch(`${url}/accounts/${connected.accountId}/efactura/invoices/${invoice.invoiceId}/xml`, {
      headers: { authorization: `Bearer ${connected.token}` },
    });
    const { document, signature } = readAnafArchive(zip);
    expect(document.bytes.toString('utf8')).toBe(await xml.text());
    expect(signature.name).toBe(`semnatura_${uploaded.uploadIndex}.xml`);
  });

  it('uploads a credit note as a CreditNote with standard=CN, which ANAF validates and accepts', async () => {
    // The invoice it corrects went through first (and is settled, so that nothing of it is left polling).
    const invoice = invoiceOf(connected.accountId);
    await issue(invoice);
    const invoiceUploaded = await until(connected, invoice.invoiceId, 'uploaded');
    await anaf.advanceProcessing(Number(invoiceUploaded.uploadIndex));
    await until(connected, invoice.invoiceId, 'accepted');
    const creditNote = creditNoteOf(invoice);
    const uploadsBefore = anaf.requests('/upload').length;
    await issueCreditNote(creditNote);

    const stored = await db.query(
      `SELECT kind, invoice_number, corrected_invoice_number, valid, findings FROM efactura_gateway.documents WHERE invoice_id = $1`,
      [creditNote.creditNoteId],
    );
    expect(stored.rows).toEqual([
      expect.objectContaining({
        kind: 'credit-note',
        invoice_number: creditNote.number,
        corrected_invoice_number: invoice.number,
        valid: true,
      }),
    ]);
    expect(stored.rows[0].findings.filter((f: { severity: string }) => f.severity === 'fatal')).toEqual([]);
    const announced = await db.query(
      `SELECT envelope FROM efactura_gateway.outbox WHERE message_key = $1 AND event_type = 'obolus.efactura.document.validated.v1'`,
      [connected.accountId],
    );
    const validated = announced.rows
      .map((r) => (typeof r.envelope === 'string' ? JSON.parse(r.envelope) : r.envelope).data)
      .find((d: { invoiceId: string }) => d.invoiceId === creditNote.creditNoteId);
    expect(validated).toMatchObject({ kind: 'credit-note', correctedInvoiceNumber: invoice.number, valid: true });

    // Its XML, by the credit note's own route: a CreditNote naming the invoice it corrects, valid under the official rules.
    const xmlResponse = await fetch(
      `${url}/accounts/${connected.accountId}/efactura/credit-notes/${creditNote.creditNoteId}/xml`,
      {
        headers: { authorization: `Bearer ${connected.token}` },
      },
    );
    expect(xmlResponse.status).toBe(200);
    expect(xmlResponse.headers.get('content-disposition')).toBe(`attachment; filename="${creditNote.number}.xml"`);
    const xml = await xmlResponse.text();
    expect(xml).toContain('<cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>');
    expect(xml).toContain(`<cbc:ID>${invoice.number}</cbc:ID>`);
    expect(await CiusRoValidator.create().validate(xml)).toMatchObject({ valid: true });
    // The invoice route does not serve it, and another account cannot read it.
    expect(
      (await call('GET', `/accounts/${connected.accountId}/efactura/invoices/${creditNote.creditNoteId}/xml`, connected.token))
        .status,
    ).toBe(404);
    const stranger = await owner();
    expect(
      (await call('GET', `/accounts/${connected.accountId}/efactura/credit-notes/${creditNote.creditNoteId}/xml`, stranger.token))
        .status,
    ).toBe(404);

    // Its submission, by the credit note's own routes.
    const uploaded = await until(connected, creditNote.creditNoteId, 'uploaded', 'credit-notes');
    const creditNoteUploads = anaf
      .requests('/upload')
      .slice(uploadsBefore)
      .filter((r) => r.query.standard === 'CN');
    expect(creditNoteUploads).toEqual([expect.objectContaining({ status: 200, query: { standard: 'CN', cif: SELLER_CIF } })]);

    await anaf.advanceProcessing(Number(uploaded.uploadIndex));
    expect(await until(connected, creditNote.creditNoteId, 'accepted', 'credit-notes')).toMatchObject({
      archived: true,
      anafErrors: [],
    });
    const states = await db.query(`SELECT status FROM efactura_gateway.submissions WHERE invoice_id = $1`, [
      creditNote.creditNoteId,
    ]);
    expect(states.rows).toEqual([{ status: 'accepted' }]);
    const archive = await fetch(
      `${url}/accounts/${connected.accountId}/efactura/credit-notes/${creditNote.creditNoteId}/anaf-archive`,
      { headers: { authorization: `Bearer ${connected.token}` } },
    );
    expect(readAnafArchive(Buffer.from(await archive.arrayBuffer())).document.bytes.toString('utf8')).toBe(xml);
  });

  it('never sends a document that failed the local checks', async () => {
    const uploadsBefore = anaf.requests('/upload').length;
    const invoice = invoiceOf(connected.accountId);
    // A Romanian company without any id cannot be identified on the invoice (BR-RO-120).
    invoice.buyer = { legalName: 'Firma Fără Cod SRL', buyerType: 'business', address: invoice.buyer.address };
    await issue(invoice);
    await runner.runDue();
    expect((await submissionOf(connected, invoice.invoiceId)).status).toBe(404);
    expect(anaf.requests('/upload')).toHaveLength(uploadsBefore);
  });

  it('retries through ANAF answering 500, never marking the invoice rejected, then goes on to ok', async () => {
    const invoice = invoiceOf(connected.accountId);
    const uploadsBefore = anaf.requests('/upload').length;
    // Only the uploads fail: the supplier-invoice poll runs meanwhile and must not take these 500s.
    anaf.failNext(3, '/upload');
    await issue(invoice);
    const uploaded = await until(connected, invoice.invoiceId, 'uploaded');
    const calls = anaf.requests('/upload').slice(uploadsBefore);
    expect(calls.map((c) => c.status)).toEqual([500, 500, 500, 200]);

    anaf.failNext(2);
    await anaf.advanceProcessing(Number(uploaded.uploadIndex));
    expect(await until(connected, invoice.invoiceId, 'accepted')).toMatchObject({ archived: true });
    const rejected = await db.query(
      `SELECT count(*)::int AS n FROM efactura_gateway.submissions WHERE invoice_id = $1 AND status = 'rejected'`,
      [invoice.invoiceId],
    );
    expect(rejected.rows[0].n).toBe(0);
  });

  it('loses nothing while ANAF drops every connection, and uploads once it is back', async () => {
    const invoice = invoiceOf(connected.accountId);
    anaf.goDown({ mode: 'reset' });
    await issue(invoice);
    await waitFor(
      async () => {
        await runner.runDue();
        return anaf.requests('/upload').filter((r) => r.status === 0).length >= 2 || undefined;
      },
      { what: 'two uploads cut by the outage', timeoutMs: 10_000 },
    );
    expect((await submissionOf(connected, invoice.invoiceId)).body).toMatchObject({ status: 'queued', anafErrors: [] });
    await anaf.comeUp();
    expect(await until(connected, invoice.invoiceId, 'uploaded')).toMatchObject({ uploadIndex: expect.stringMatching(/^\d+$/) });
  });

  it("stores ANAF's rejection with its rule ids and the error archive", async () => {
    const invoice = invoiceOf(connected.accountId);
    anaf.rejectNext({ errors: ['E: validari globale  SCHEMATRON   eroare: [BR-RO-100]-Sandbox refuses this one'] });
    await issue(invoice);
    const uploaded = await until(connected, invoice.invoiceId, 'uploaded');
    await anaf.advanceProcessing(Number(uploaded.uploadIndex));
    expect(await until(connected, invoice.invoiceId, 'rejected')).toMatchObject({
      ruleIds: ['BR-RO-100'],
      anafErrors: [expect.stringContaining('[BR-RO-100]')],
      archived: true,
    });
  });

  it('holds the queue of a CUI that is not connected, and uploads once the owner connects', async () => {
    const waiting = await owner();
    const invoice = invoiceOf(waiting.accountId);
    const uploadsBefore = anaf.requests('/upload').length;
    await issue(invoice);
    await runner.runDue();
    expect((await submissionOf(waiting, invoice.invoiceId)).body.status).toBe('queued');
    expect(anaf.requests('/upload')).toHaveLength(uploadsBefore);

    const callback = await connect(waiting);
    expect((await call('GET', `${callback.pathname}${callback.search}`)).status).toBe(200);
    await until(waiting, invoice.invoiceId, 'uploaded');
  });

  it('sends an invoice to a consumer through uploadb2c', async () => {
    const invoice = invoiceOf(connected.accountId);
    invoice.buyer = { legalName: 'Ion Popescu', buyerType: 'individual', address: invoice.buyer.address };
    const b2cBefore = anaf.requests('/uploadb2c').length;
    await issue(invoice);
    expect(await until(connected, invoice.invoiceId, 'uploaded')).toMatchObject({ endpoint: 'uploadb2c' });
    expect(anaf.requests('/uploadb2c').slice(b2cBefore)).toEqual([
      expect.objectContaining({ status: 200, query: { standard: 'UBL', cif: SELLER_CIF } }),
    ]);
  });

  it('refreshes an access token near its expiry and keeps the rotated refresh token; the old one is dead', async () => {
    const sealed = async () =>
      (
        await db.query(
          `SELECT refresh_token_sealed, access_expires_at, refreshed_at FROM efactura_gateway.authorizations WHERE account_id = $1`,
          [connected.accountId],
        )
      ).rows[0];
    const before = await sealed();
    // Time has passed: the access token is an hour from its expiry, inside the refresh margin.
    await db.query(
      `UPDATE efactura_gateway.authorizations SET access_expires_at = now() + interval '1 hour' WHERE account_id = $1`,
      [connected.accountId],
    );
    const tokenCalls = anaf.requests('/token').length;
    const invoice = invoiceOf(connected.accountId);
    await issue(invoice);
    await until(connected, invoice.invoiceId, 'uploaded');

    expect(anaf.requests('/token').slice(tokenCalls)).toEqual([expect.objectContaining({ status: 200 })]);
    const after = await sealed();
    expect(after.refresh_token_sealed).not.toBe(before.refresh_token_sealed);
    expect(after.refreshed_at).toBeInstanceOf(Date);
    expect(after.access_expires_at.getTime()).toBeGreaterThan(Date.now() + 80 * 24 * 3600_000);
    const box = new SecretBox(TOKENS_KEY);
    await expect(anafClient.refresh(box.open(before.refresh_token_sealed))).rejects.toMatchObject({
      oauthError: 'invalid_grant',
    });
  });

  it('keeps each supplier invoice once, parsed, even when listed again, and lists one it cannot read with its error', async () => {
    type Incoming = {
      id: string;
      anafId: string;
      number: string | null;
      supplierCif: string | null;
      parseError: string | null;
      signer: string | null;
      payableMinor: string | null;
    };
    const tag = String(Math.floor(Math.random() * 999_999));
    const sent = [1, 2, 3].map((n) =>
      anaf.enqueueSupplierInvoice({ cif: SELLER_CIF, supplierCif: '18547290', number: `FURN-${tag}-${n}` }),
    );
    const unreadable = anaf.enqueueSupplierInvoice({
      cif: SELLER_CIF,
      supplierCif: '18547290',
      xml: '<Invoice><unclosed></Invoice>',
    });
    const ids = [...sent, unreadable].map((m) => String(m.id));
    const ours = async () =>
      (await call<Incoming[]>('GET', `/accounts/${connected.accountId}/efactura/incoming`, connected.token)).body.filter((i) =>
        ids.includes(i.anafId),
      );
    await waitFor(
      async () => {
        await runner.runDue();
        return (await ours()).length === 4 || undefined;
      },
      { what: 'the four supplier invoices listed', timeoutMs: 30_000, intervalMs: 200 },
    );
    // Another listing of the same window stores nothing twice.
    const listings = anaf.requests('/listaMesajePaginatieFactura').length;
    await waitFor(
      async () => {
        await runner.runDue();
        return anaf.requests('/listaMesajePaginatieFactura').length > listings + 1 || undefined;
      },
      { what: 'two more listings', timeoutMs: 15_000, intervalMs: 200 },
    );
    const listed = await ours();
    expect(listed).toHaveLength(4);
    for (const [n, message] of sent.entries()) {
      expect(listed.find((i) => i.anafId === String(message.id))).toMatchObject({
        number: `FURN-${tag}-${n + 1}`,
        supplierCif: '18547290',
        parseError: null,
        signer: expect.stringContaining('Sandbox ANAF'),
        payableMinor: expect.stringMatching(/^\d+$/),
      });
    }
    const bad = listed.find((i) => i.anafId === String(unreadable.id))!;
    expect(bad).toMatchObject({ number: null, parseError: expect.stringMatching(/^not well-formed XML/) });
    const downloads = anaf.requests('/descarcare').filter((r) => ids.includes(r.query.id!));
    // Once per account connected to this CUI (this one, and the one whose queue was held above), never again.
    expect(downloads.map((r) => r.query.id).sort()).toEqual([...ids, ...ids].sort());

    const zip = await fetch(`${url}/accounts/${connected.accountId}/efactura/incoming/${listed[0]!.id}/archive`, {
      headers: { authorization: `Bearer ${connected.token}` },
    });
    expect(zip.headers.get('content-type')).toBe('application/zip');
    expect(readAnafArchive(Buffer.from(await zip.arrayBuffer())).document.name).toMatch(/^\d+\.xml$/);
    const stranger = await owner();
    expect(
      (await call('GET', `/accounts/${connected.accountId}/efactura/incoming/${listed[0]!.id}/xml`, stranger.token)).status,
    ).toBe(404);
    expect((await call<Incoming[]>('GET', `/accounts/${stranger.accountId}/efactura/incoming`, stranger.token)).body).toEqual([]);
  });

  it('marks an authorisation ANAF revoked, holds its uploads, and sends them once the owner connects again', async () => {
    const invoice = invoiceOf(connected.accountId);
    anaf.revoke({ clientId: CLIENT.clientId, cif: SELLER_CIF });
    const uploads = () => anaf.requests('/upload').filter((r) => r.status === 200).length;
    const uploadsBefore = uploads();
    await issue(invoice);
    // Whichever call meets the 403 first (this upload, or a listing of supplier invoices) marks it revoked.
    await waitFor(
      async () => {
        await runner.runDue();
        const status = await call<{ status: string }>(
          'GET',
          `/accounts/${connected.accountId}/efactura/authorizations/${SELLER_CIF}`,
          connected.token,
        );
        return status.body.status === 'revoked' ? status.body : undefined;
      },
      { what: 'the authorisation marked revoked', timeoutMs: 10_000 },
    );
    const status = await call('GET', `/accounts/${connected.accountId}/efactura/authorizations/${SELLER_CIF}`, connected.token);
    expect(status.body).toMatchObject({ connected: false, status: 'revoked', lastError: expect.stringContaining('403') });
    // Held: the invoice waits, nothing more is sent while revoked.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await runner.runDue();
    expect((await submissionOf(connected, invoice.invoiceId)).body.status).toBe('queued');
    expect(uploads()).toBe(uploadsBefore);

    const callback = await connect(connected);
    expect((await call('GET', `${callback.pathname}${callback.search}`)).status).toBe(200);
    await until(connected, invoice.invoiceId, 'uploaded');
  });

  it("sends a person's browser back to the portal after ANAF's consent, and lists the account's CUIs", async () => {
    const person = await owner();
    const callback = await connect(person);
    const back = await fetch(callback, { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' }, redirect: 'manual' });
    expect(back.status).toBe(303);
    const location = new URL(back.headers.get('location')!);
    expect(`${location.origin}${location.pathname}`).toBe(`https://portal.obolus.example/accounts/${person.accountId}/efactura`);
    expect(Object.fromEntries(location.searchParams)).toEqual({ anaf: 'connected', cif: SELLER_CIF });

    const listed = await call<{ authorizations: { cif: string; status: string }[] }>(
      'GET',
      `/accounts/${person.accountId}/efactura/authorizations`,
      person.token,
    );
    expect(listed).toMatchObject({ status: 200, body: { authorizations: [{ cif: SELLER_CIF, status: 'connected' }] } });
    const stranger = await owner();
    const theirs = await call<{ authorizations: unknown[] }>(
      'GET',
      `/accounts/${stranger.accountId}/efactura/authorizations`,
      stranger.token,
    );
    expect(theirs.body.authorizations).toEqual([]);
    expect((await call('GET', `/accounts/${person.accountId}/efactura/authorizations`, stranger.token)).status).toBe(404);
  });
});
