import { startAnafSandbox, type AnafSandbox, type LoggedRequest } from './index';
import {
  CLIENT,
  acceptingValidator,
  api,
  authorise,
  basic,
  control,
  listMessages,
  tokenRequest,
  uploadXml,
  uploadedIndex,
} from './test-support/anaf-client';
import { supplierInvoiceXml } from './efactura/supplier-invoice';

const COMPANY = '14399840';
const DAY_MS = 86_400_000;

/** The start of a sandbox minute, so that a burst of calls stays inside one rate-limit window. */
function startOfMinute(sandbox: AnafSandbox): void {
  sandbox.advanceClock(60_000 - (sandbox.now() % 60_000) + 10);
}

/** Why fetch failed: the error code under undici's "fetch failed". */
async function failure(pending: Promise<Response>): Promise<string> {
  try {
    const response = await pending;
    return `answered ${response.status}`;
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    return cause?.code ?? String(error);
  }
}

describe('ANAF sandbox limits', () => {
  let sandbox: AnafSandbox;
  let token: string;

  beforeEach(async () => {
    sandbox = await startAnafSandbox({
      port: 0,
      processingDelayMs: 0,
      validator: acceptingValidator,
      limits: {
        requestsPerMinute: 5,
        statusQueriesPerMessagePerDay: 3,
        downloadsPerMessagePerDay: 2,
        simpleListsPerCifPerDay: 2,
        paginatedListsPerCifPerDay: 2,
        raspUploadsPerCifPerDay: 1,
      },
    });
    token = (await authorise(sandbox)).access_token;
  });

  afterEach(() => sandbox.close());

  it('answers 429 over the calls per minute of one client, and not to another client', async () => {
    sandbox.registerClient({ clientId: 'other', clientSecret: 'other-secret', redirectUris: ['http://127.0.0.1:9/cb'] });
    const { code } = sandbox.approve({ clientId: 'other', redirectUri: 'http://127.0.0.1:9/cb' });
    const other = (await (
      await tokenRequest(
        sandbox,
        { grant_type: 'authorization_code', code, redirect_uri: 'http://127.0.0.1:9/cb' },
        basic('other', 'other-secret'),
      )
    ).json()) as { access_token: string };

    startOfMinute(sandbox);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) statuses.push((await api(sandbox, token, 'stareMesaj?id_incarcare=1')).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const limited = await api(sandbox, token, 'stareMesaj?id_incarcare=1');
    expect(limited.status).toBe(429);
    expect(await limited.json()).toMatchObject({
      status: 429,
      error: 'Too Many Requests',
      message: expect.stringContaining('5'),
    });
    expect((await api(sandbox, other.access_token, 'stareMesaj?id_incarcare=1')).status).toBe(200);

    sandbox.advanceClock(60_000);
    expect((await api(sandbox, token, 'stareMesaj?id_incarcare=1')).status).toBe(200);
    expect(sandbox.requests('/stareMesaj').filter((r) => r.status === 429 && r.clientId === CLIENT.clientId)).toHaveLength(2);
  });

  it('answers the per-message and per-day limits with 200 and an error text, until the next day', async () => {
    const index = await uploadedIndex(
      await uploadXml(
        sandbox,
        token,
        `standard=UBL&cif=${COMPANY}`,
        supplierInvoiceXml({ supplierCif: COMPANY, buyerCif: '11111110' }),
      ),
    );
    await sandbox.advanceProcessing();
    const stare = async () => (await api(sandbox, token, `stareMesaj?id_incarcare=${index}`)).text();
    for (let i = 0; i < 3; i += 1) expect(await stare()).toContain('stare="ok"');
    const over = await api(sandbox, token, `stareMesaj?id_incarcare=${index}`);
    expect(over.status).toBe(200);
    expect(await over.text()).toContain(
      `errorMessage="S-au facut deja 3 interogari de stare pentru id_incarcare= ${index} in cursul zilei"`,
    );

    // The next day (and a new minute for the 5-per-minute limit of this sandbox).
    sandbox.advanceClock(DAY_MS);
    const id = /id_descarcare="(\d+)"/.exec(await stare())![1];
    for (let i = 0; i < 2; i += 1) {
      expect((await api(sandbox, token, `descarcare?id=${id}`)).headers.get('content-type')).toBe('application/zip');
    }
    expect(await (await api(sandbox, token, `descarcare?id=${id}`)).json()).toEqual({
      eroare: `S-au facut deja 2 descarcari pentru mesajul cu id=${id} in cursul zilei`,
      titlu: 'Descarcare mesaj',
    });

    sandbox.advanceClock(DAY_MS);
    for (let i = 0; i < 2; i += 1) {
      expect((await listMessages(sandbox, token, `listaMesajeFactura?zile=3&cif=${COMPANY}`)).mesaje).toHaveLength(1);
    }
    expect((await listMessages(sandbox, token, `listaMesajeFactura?zile=3&cif=${COMPANY}`)).eroare).toMatch(
      /^S-au facut deja 2 interogari/,
    );

    const rasp = '<?xml version="1.0"?><RaspunsCumparator><Mesaj>Factura acceptata</Mesaj></RaspunsCumparator>';
    await uploadedIndex(await uploadXml(sandbox, token, `standard=RASP&cif=${COMPANY}`, rasp));
    const refused = await (await uploadXml(sandbox, token, `standard=RASP&cif=${COMPANY}`, rasp)).text();
    expect(refused).toContain('ExecutionStatus="1"');
    expect(refused).toContain('fisiere RASP');
  });
});

describe('ANAF sandbox faults made by tests', () => {
  let sandbox: AnafSandbox;
  let token: string;

  beforeEach(async () => {
    sandbox = await startAnafSandbox({ port: 0, processingDelayMs: 0, validator: acceptingValidator });
    token = (await authorise(sandbox)).access_token;
  });

  afterEach(() => sandbox.close());

  const list = () => api(sandbox, token, `listaMesajeFactura?zile=1&cif=${COMPANY}`);

  it('answers 500 for the next N calls, or for a period of sandbox time', async () => {
    expect((await control(sandbox, 'POST', 'failures', { count: 2 })).status).toBe(200);
    const first = await list();
    expect(first.status).toBe(500);
    expect(await first.json()).toMatchObject({ status: 500, error: 'Internal Server Error' });
    expect((await tokenRequest(sandbox, { grant_type: 'refresh_token', refresh_token: 'x' })).status).toBe(500);
    expect((await list()).status).toBe(200);

    await control(sandbox, 'POST', 'failures', { forMs: 5 * 60_000 });
    expect([(await list()).status, (await list()).status, (await list()).status]).toEqual([500, 500, 500]);
    await control(sandbox, 'POST', 'clock/advance', { ms: 5 * 60_000 });
    expect((await list()).status).toBe(200);

    sandbox.failNext(10);
    await control(sandbox, 'DELETE', 'failures');
    expect((await list()).status).toBe(200);
  });

  it('goes down: connections reset, or 503, for a while of sandbox time or until brought back', async () => {
    await control(sandbox, 'POST', 'outage', {});
    expect(await failure(list())).not.toMatch(/^answered/);
    expect(await failure(fetch(`${sandbox.url}/anaf-oauth2/v1/token`, { method: 'POST' }))).not.toMatch(/^answered/);
    expect((await control(sandbox, 'GET', 'faults')).status).toBe(200);
    await control(sandbox, 'DELETE', 'outage');
    expect((await list()).status).toBe(200);

    await control(sandbox, 'POST', 'outage', { mode: '503', forMs: 2 * DAY_MS });
    expect((await list()).status).toBe(503);
    sandbox.advanceClock(DAY_MS);
    expect((await list()).status).toBe(503);
    sandbox.advanceClock(DAY_MS);
    expect((await list()).status).toBe(200);

    const reset = sandbox.requests('/listaMesajeFactura').map((r: LoggedRequest) => r.status);
    expect(reset).toEqual([0, 200, 503, 503, 200]);
  });

  it('refuses connections while the port is closed, and opens it again', async () => {
    expect((await control(sandbox, 'POST', 'outage', { mode: 'refuse' })).status).toBe(400);
    expect((await control(sandbox, 'POST', 'outage', { mode: 'refuse', forMs: 400 })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await failure(list())).toBe('ECONNREFUSED');
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect((await list()).status).toBe(200);

    sandbox.goDown({ mode: 'refuse' });
    expect(await failure(list())).toBe('ECONNREFUSED');
    await sandbox.comeUp();
    expect((await list()).status).toBe(200);
  });

  it('adds latency to every call', async () => {
    await control(sandbox, 'POST', 'latency', { ms: 300 });
    const began = Date.now();
    expect((await list()).status).toBe(200);
    expect(Date.now() - began).toBeGreaterThanOrEqual(290);
    sandbox.setLatency(0);
    const again = Date.now();
    await list();
    expect(Date.now() - again).toBeLessThan(250);
  });

  it('follows a clock set by a test, and answers in Romanian local time', async () => {
    const set = await control(sandbox, 'POST', 'clock', { now: '2026-07-01T09:30:00Z' });
    expect(await set.json()).toMatchObject({ now: expect.stringMatching(/^2026-07-01T09:30:0\d/) });
    token = (await authorise(sandbox)).access_token;
    const xml = supplierInvoiceXml({ supplierCif: COMPANY, buyerCif: '11111110', number: 'CLOCK-7' });
    const summer = await (await uploadXml(sandbox, token, `standard=UBL&cif=${COMPANY}`, xml)).text();
    expect(summer).toContain('dateResponse="202607011230"'); // EEST, UTC+3
    sandbox.setClock(Date.parse('2026-12-31T22:15:00Z'));
    // Half a year on, the 90-day access token has expired.
    expect((await uploadXml(sandbox, token, `standard=UBL&cif=${COMPANY}`, xml)).status).toBe(403);
    token = (await authorise(sandbox)).access_token;
    const winter = await (await uploadXml(sandbox, token, `standard=UBL&cif=${COMPANY}`, xml)).text();
    expect(winter).toContain('dateResponse="202701010015"'); // EET, UTC+2: already the new year in Bucharest
    expect((await control(sandbox, 'POST', 'clock', { now: 'yesterday' })).status).toBe(400);
  });

  it('logs the calls it received, so a test can show that an upload was never sent', async () => {
    const xml = supplierInvoiceXml({ supplierCif: COMPANY, buyerCif: '11111110', number: 'LOG-1' });
    await uploadedIndex(await uploadXml(sandbox, token, `standard=UBL&cif=${COMPANY}`, xml));
    await list();
    const logged = (await (await control(sandbox, 'GET', 'requests?path=/upload')).json()) as { data: LoggedRequest[] };
    expect(logged.data).toEqual([
      {
        at: expect.any(String),
        method: 'POST',
        path: '/test/FCTEL/rest/upload',
        query: { standard: 'UBL', cif: COMPANY },
        status: 200,
        clientId: CLIENT.clientId,
        bodyBytes: Buffer.byteLength(xml),
      },
    ]);
    expect(sandbox.requests('/uploadb2c')).toEqual([]);
    await control(sandbox, 'POST', 'reset');
    expect(sandbox.requests()).toEqual([]);
  });
});
