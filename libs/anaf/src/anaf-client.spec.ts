import { createHash } from 'node:crypto';
// eslint-disable-next-line @nx/enforce-module-boundaries -- a spec talks to the ANAF sandbox on loopback, as the gateway's int tests do
import { DEFAULT_CLIENT, startAnafSandbox, supplierInvoiceXml, type AnafSandbox } from '@obolus/anaf-sandbox';
import { CIUS_RO_CUSTOMIZATION_ID, CiusRoValidator } from '@obolus/ubl';
import { AnafClient } from './anaf-client';
import { parseErrorFile } from './answers';
import { readAnafArchive } from './archive';
import { checkArchiveSignature } from './signature';
import { AnafCallError } from './errors';
import type { AnafClientSettings } from './types';

const SELLER = '18547290';
const BUYER = '14399840';
const REDIRECT_URI = DEFAULT_CLIENT.redirectUris[0]!;

function settingsFor(sandbox: AnafSandbox, extra: Partial<AnafClientSettings> = {}): AnafClientSettings {
  return {
    oauthUrl: `${sandbox.url}/anaf-oauth2/v1`,
    apiUrl: `${sandbox.url}/test/FCTEL/rest`,
    clientId: DEFAULT_CLIENT.clientId,
    clientSecret: DEFAULT_CLIENT.clientSecret,
    redirectUri: REDIRECT_URI,
    timeoutMs: 5_000,
    ...extra,
  };
}

/** What the certificate holder does in the browser: open the authorize URL and approve on the page. */
async function approveInBrowser(authorizeUrl: string, cifs: string): Promise<URL> {
  const page = await fetch(authorizeUrl);
  expect(page.status).toBe(200);
  const html = await page.text();
  const requestId = /name="request_id" value="([^"]+)"/.exec(html)![1]!;
  const decision = await fetch(new URL('/anaf-oauth2/v1/authorize/decision', authorizeUrl), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ request_id: requestId, cifs, decision: 'approve' }).toString(),
  });
  expect(decision.status).toBe(302);
  return new URL(decision.headers.get('location')!);
}

async function failure(promise: Promise<unknown>): Promise<AnafCallError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AnafCallError);
  return error as AnafCallError;
}

describe('AnafClient against the ANAF sandbox', () => {
  let sandbox: AnafSandbox;
  let client: AnafClient;
  let token: string;

  beforeAll(async () => {
    const validator = CiusRoValidator.create({ warmUp: true });
    sandbox = await startAnafSandbox({ port: 0, processingDelayMs: 60_000, validator });
    client = new AnafClient(settingsFor(sandbox));
    const callback = await approveInBrowser(client.authorizeUrl('state-1'), `${SELLER},${BUYER}`);
    token = (await client.exchangeCode(callback.searchParams.get('code')!)).accessToken;
  }, 120_000);

  afterEach(() => {
    sandbox.stopFailing();
    sandbox.setLatency(0);
  });

  afterAll(() => sandbox.close());

  const invoice = (number: string): string => supplierInvoiceXml({ supplierCif: SELLER, buyerCif: BUYER, number });

  describe('OAuth', () => {
    it('builds the authorize URL ANAF expects, and gets tokens for the code on the callback with its state', async () => {
      const url = new URL(client.authorizeUrl('acct:cui'));
      expect(Object.fromEntries(url.searchParams)).toEqual({
        response_type: 'code',
        client_id: DEFAULT_CLIENT.clientId,
        redirect_uri: REDIRECT_URI,
        token_content_type: 'jwt',
        state: 'acct:cui',
      });
      const callback = await approveInBrowser(url.toString(), SELLER);
      expect(callback.searchParams.get('state')).toBe('acct:cui');
      const tokens = await client.exchangeCode(callback.searchParams.get('code')!);
      expect(tokens).toEqual({
        accessToken: expect.stringMatching(/^ey/),
        refreshToken: expect.any(String),
        tokenType: 'Bearer',
        expiresInSeconds: 90 * 24 * 3600,
      });
      // A code is good once.
      const reused = await failure(client.exchangeCode(callback.searchParams.get('code')!));
      expect(reused).toMatchObject({ kind: 'unauthorized', oauthError: 'invalid_grant', retryable: false });
    });

    it('refreshes with rotation: the new refresh token works, the one used does not', async () => {
      const { code } = sandbox.approve({ clientId: DEFAULT_CLIENT.clientId, redirectUri: REDIRECT_URI, cifs: [SELLER] });
      const first = await client.exchangeCode(code);
      const second = await client.refresh(first.refreshToken);
      expect(second.refreshToken).not.toBe(first.refreshToken);
      expect(second.accessToken).not.toBe(first.accessToken);
      expect(await client.refresh(second.refreshToken)).toMatchObject({ tokenType: 'Bearer' });
      expect(await failure(client.refresh(first.refreshToken))).toMatchObject({
        kind: 'unauthorized',
        oauthError: 'invalid_grant',
      });
    });

    it('says unauthorized for a wrong client secret and for a revoked authorisation', async () => {
      const wrong = new AnafClient(settingsFor(sandbox, { clientSecret: 'not-the-secret' }));
      const { code } = sandbox.approve({ clientId: DEFAULT_CLIENT.clientId, redirectUri: REDIRECT_URI, cifs: ['1111'] });
      expect(await failure(wrong.exchangeCode(code))).toMatchObject({
        kind: 'unauthorized',
        oauthError: 'invalid_client',
        status: 400,
      });

      const revoked = await client.exchangeCode(
        sandbox.approve({ clientId: DEFAULT_CLIENT.clientId, redirectUri: REDIRECT_URI, cifs: ['2222'] }).code,
      );
      sandbox.revoke({ cif: '2222' });
      expect(await failure(client.stareMesaj(revoked.accessToken, '1'))).toMatchObject({ kind: 'unauthorized', status: 403 });
      expect(await failure(client.refresh(revoked.refreshToken))).toMatchObject({
        kind: 'unauthorized',
        oauthError: 'invalid_grant',
      });
    });
  });

  describe('e-Factura', () => {
    it('uploads, is in prelucrare, then ok, and downloads the archive with the invoice and its signature', async () => {
      const xml = invoice('CLIENT-OK-1');
      const uploaded = await client.upload(token, { standard: 'UBL', cif: SELLER, xml });
      expect(uploaded).toEqual({
        accepted: true,
        uploadIndex: expect.stringMatching(/^\d+$/),
        dateResponse: expect.stringMatching(/^\d{12}$/),
      });
      if (!uploaded.accepted) throw new Error('unreachable');
      expect(await client.stareMesaj(token, uploaded.uploadIndex)).toEqual({ state: 'processing' });

      await sandbox.advanceProcessing(Number(uploaded.uploadIndex));
      const status = await client.stareMesaj(token, uploaded.uploadIndex);
      expect(status).toEqual({ state: 'ok', downloadId: expect.stringMatching(/^\d+$/) });
      if (status.state !== 'ok') throw new Error('unreachable');

      const download = await client.descarcare(token, status.downloadId);
      if (!('zip' in download)) throw new Error(`no archive: ${download.error}`);
      const archive = readAnafArchive(download.zip);
      expect(archive.document.name).toBe(`${uploaded.uploadIndex}.xml`);
      expect(archive.document.bytes.toString('utf8')).toBe(xml);
      expect(archive.signature.name).toBe(`semnatura_${uploaded.uploadIndex}.xml`);
      const digest = createHash('sha256').update(archive.document.bytes).digest('base64');
      expect(/<(?:\w+:)?DigestValue>([^<]+)</.exec(archive.signature.bytes.toString('utf8'))?.[1]).toBe(digest);
      expect(checkArchiveSignature(archive, { trusted: [sandbox.signingCertificatePem] })).toMatchObject({
        valid: true,
        subject: expect.stringContaining('Sandbox ANAF'),
      });

      const sent = await client.listaMesajeFactura(token, { cif: SELLER, zile: 1, filtru: 'T' });
      expect(sent.messages).toContainEqual(
        expect.objectContaining({ idSolicitare: uploaded.uploadIndex, id: status.downloadId, tip: 'FACTURA TRIMISA' }),
      );
    });

    it("ends nok for an invalid invoice, and reads ANAF's error file with its rule ids", async () => {
      const uploaded = await client.upload(token, {
        standard: 'UBL',
        cif: SELLER,
        xml: invoice('CLIENT-BAD-1').replace(CIUS_RO_CUSTOMIZATION_ID, 'urn:cen.eu:en16931:2017'),
      });
      if (!uploaded.accepted) throw new Error('refused at upload');
      await sandbox.advanceProcessing(Number(uploaded.uploadIndex));
      const status = await client.stareMesaj(token, uploaded.uploadIndex);
      expect(status).toMatchObject({ state: 'nok' });
      if (status.state !== 'nok') throw new Error('unreachable');
      const download = await client.descarcare(token, status.downloadId);
      if (!('zip' in download)) throw new Error(download.error);
      const errors = parseErrorFile(readAnafArchive(download.zip).document.bytes);
      expect(errors.uploadIndex).toBe(uploaded.uploadIndex);
      expect(errors.ruleIds.length).toBeGreaterThan(0);
      expect(errors.messages[0]).toContain(`[${errors.ruleIds[0]}]`);
    });

    it('returns the refusal of an upload ANAF will not take, and sends B2C invoices to uploadb2c with the flags', async () => {
      const refused = await client.upload(token, { standard: 'UBL', cif: '99999999', xml: invoice('CLIENT-RIGHTS-1') });
      expect(refused).toEqual({
        accepted: false,
        errors: [expect.stringContaining('99999999')],
        dateResponse: expect.any(String),
      });

      const b2c = await client.uploadB2c(token, {
        standard: 'UBL',
        cif: SELLER,
        xml: invoice('CLIENT-B2C-1'),
        extern: true,
        executare: true,
      });
      expect(b2c.accepted).toBe(true);
      const logged = sandbox.requests('/uploadb2c').at(-1)!;
      expect(logged.query).toMatchObject({ standard: 'UBL', cif: SELLER, extern: 'DA', executare: 'DA' });
      expect(logged.query).not.toHaveProperty('autofactura');
    });

    it('reads query errors of stareMesaj and the refusals of descarcare as answers, not failures', async () => {
      expect(await client.stareMesaj(token, '987654321')).toEqual({
        state: 'query-error',
        errors: [expect.stringContaining('987654321')],
      });
      expect(await client.descarcare(token, '987654321')).toEqual({
        error: expect.stringContaining('987654321'),
        expired: false,
      });
      expect(await client.listaMesajeFactura(token, { cif: BUYER, zile: 1, filtru: 'E' })).toEqual({
        messages: [],
        error: expect.any(String),
      });
    });

    it('pages through supplier invoices received by a CUI', async () => {
      const before = sandbox.now() - 60_000;
      const enqueued = sandbox.enqueueSupplierInvoice({ cif: BUYER, supplierCif: '14186770', number: 'SUP-CLIENT-1' });
      const page = await client.listaMesajePaginatieFactura(token, {
        cif: BUYER,
        startTime: before,
        // ANAF refuses a window ending in the future: the sandbox clock moves on first.
        endTime: sandbox.advanceClock(5),
        pagina: 1,
        filtru: 'P',
      });
      expect(page.totalPages).toBe(1);
      expect(page.messages).toContainEqual(
        expect.objectContaining({ id: String(enqueued.id), tip: 'FACTURA PRIMITA', cif: BUYER }),
      );
    });

    it("validates without uploading, with ANAF's messages on nok", async () => {
      expect(await client.validare(invoice('CLIENT-VAL-1'), 'FACT1')).toMatchObject({ valid: true, messages: [] });
      const bad = await client.validare(invoice('CLIENT-VAL-2').replace(CIUS_RO_CUSTOMIZATION_ID, 'x'), 'FACT1');
      expect(bad.valid).toBe(false);
      expect(bad.messages.length).toBeGreaterThan(0);
    });
  });

  describe('failures that are never rejections', () => {
    it('takes a 500 for unavailable and retryable, and the same call then works', async () => {
      sandbox.failNext(1);
      const error = await failure(client.upload(token, { standard: 'UBL', cif: SELLER, xml: invoice('CLIENT-500-1') }));
      expect(error).toMatchObject({ kind: 'unavailable', status: 500, retryable: true });
      expect((await client.upload(token, { standard: 'UBL', cif: SELLER, xml: invoice('CLIENT-500-1') })).accepted).toBe(true);
    });

    it('gives up on a slow answer after its timeout, as unavailable', async () => {
      const impatient = new AnafClient(settingsFor(sandbox, { timeoutMs: 100 }));
      sandbox.setLatency(1_000);
      const slow = await failure(impatient.stareMesaj(token, '1'));
      expect({ kind: slow.kind, retryable: slow.retryable, message: slow.message }).toEqual({
        kind: 'unavailable',
        retryable: true,
        message: 'no answer within 100 ms',
      });
    });

    it('takes dropped connections, 503 and a closed port for unavailable', async () => {
      sandbox.goDown({ mode: 'reset' });
      expect(await failure(client.stareMesaj(token, '1'))).toMatchObject({ kind: 'unavailable', status: undefined });
      await sandbox.comeUp();
      sandbox.goDown({ mode: '503' });
      expect(await failure(client.stareMesaj(token, '1'))).toMatchObject({ kind: 'unavailable', status: 503 });
      await sandbox.comeUp();
      sandbox.goDown({ mode: 'refuse' });
      expect(await failure(client.refresh('x'))).toMatchObject({
        kind: 'unavailable',
        message: expect.stringContaining('could not be reached'),
      });
      await sandbox.comeUp();
      expect(await client.stareMesaj(token, '987654321')).toMatchObject({ state: 'query-error' });
    });

    it('takes 429 for unavailable', async () => {
      const limited = await startAnafSandbox({
        port: 0,
        limits: { requestsPerMinute: 1 },
        validator: { validate: async () => ({ valid: true, findings: [] }) },
      });
      try {
        const limitedClient = new AnafClient(settingsFor(limited));
        const { code } = limited.approve({ clientId: DEFAULT_CLIENT.clientId, redirectUri: REDIRECT_URI });
        const { accessToken } = await limitedClient.exchangeCode(code);
        await limitedClient.stareMesaj(accessToken, '1');
        expect(await failure(limitedClient.stareMesaj(accessToken, '1'))).toMatchObject({
          kind: 'unavailable',
          status: 429,
          retryable: true,
        });
      } finally {
        await limited.close();
      }
    });
  });
});
