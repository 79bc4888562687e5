import { SANDBOX_FAULT_NUMBERS, startViesSandbox, ViesClient, ViesClientOptions, ViesSandbox } from '../index';

describe('ViesClient against the VIES sandbox', () => {
  let sandbox: ViesSandbox;
  let clock: Date;
  const sleeps: number[] = [];

  beforeAll(async () => {
    sandbox = await startViesSandbox({ slowDelayMs: 3_000, now: () => new Date('2026-11-22T09:15:00.000Z') });
  });
  afterAll(() => sandbox.close());
  beforeEach(() => {
    clock = new Date('2026-11-22T09:15:00.000Z');
    sleeps.length = 0;
    sandbox.requests.length = 0;
  });

  const client = (options: Partial<ViesClientOptions> = {}) =>
    new ViesClient({
      baseUrl: sandbox.url,
      timeoutMs: 1_000,
      maxAttempts: 3,
      backoffMs: 100,
      now: () => clock,
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      requester: { countryCode: 'RO', vatNumber: '12448440' },
      ...options,
    });

  it('a registered number is valid, with trader details and the consultation for audit', async () => {
    const result = await client().checkVatNumber('RO 14040242');
    expect(result).toMatchObject({
      status: 'valid',
      countryCode: 'RO',
      vatNumber: '14040242',
      name: 'CLIENT EXEMPLU SA',
      address: 'BD. EXEMPLU NR. 10, CLUJ-NAPOCA, 400001',
      consultation: {
        checkedAt: '2026-11-22T09:15:00.000Z',
        source: 'vies',
        request: { countryCode: 'RO', vatNumber: '14040242', requesterMemberStateId: 'RO', requesterNumber: '12448440' },
        attempts: 1,
        httpStatus: 200,
        requestDate: '2026-11-22T09:15:00.000Z',
        errorCode: null,
      },
    });
    expect(result.consultation.requestIdentifier).toMatch(/^WAPI/);
    expect(result.consultation.responseDigest).toMatch(/^[0-9a-f]{64}$/);
    expect(result.consultation.response).toMatchObject({ valid: true, countryCode: 'RO' });
  });

  it("asks as the requester given for one check, so its consultation number is that seller's", async () => {
    const result = await client({ requester: undefined }).checkVatNumber('DE108262480', undefined, {
      countryCode: 'FR',
      vatNumber: '82342464408',
    });
    expect(result.consultation.request).toEqual({
      countryCode: 'DE',
      vatNumber: '108262480',
      requesterMemberStateId: 'FR',
      requesterNumber: '82342464408',
    });
    expect(result.consultation.requestIdentifier).toMatch(/^WAPISANDBOX\d{8}$/);
    const anonymous = await client({ requester: undefined }).checkVatNumber('DE108262480');
    expect(anonymous.consultation.requestIdentifier).toBeNull();
  });

  it('an undisclosed name or address ("---") is null, not a name', async () => {
    expect(await client().checkVatNumber('DE108262480')).toMatchObject({ status: 'valid', name: null, address: null });
  });

  it('an outage (the sandbox taken down) is unavailable, never invalid, and a registered number is valid again once it is back', async () => {
    sandbox.setDown(true);
    try {
      await expect(client({ maxAttempts: 2 }).checkVatNumber('DE108262480')).resolves.toMatchObject({ status: 'unavailable' });
    } finally {
      sandbox.setDown(false);
    }
    await expect(client().checkVatNumber('DE108262480')).resolves.toMatchObject({ status: 'valid' });
  });

  it('a well-formed number VIES does not know is invalid', async () => {
    const result = await client().checkVatNumber('RO108202280');
    expect(result).toMatchObject({ status: 'invalid', countryCode: 'RO', vatNumber: '108202280', consultation: { attempts: 1 } });
    expect(sleeps).toEqual([]);
  });

  it('a number that takes too long to answer is unavailable (timeout), after bounded retries', async () => {
    const started = Date.now();
    const result = await client({ timeoutMs: 200, maxAttempts: 2 }).checkVatNumber(SANDBOX_FAULT_NUMBERS.slow);
    expect(result).toMatchObject({
      status: 'unavailable',
      reason: 'CLIENT_TIMEOUT',
      consultation: { attempts: 2, httpStatus: null },
    });
    expect(sleeps).toEqual([100]);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('VIES being down is unavailable (service down), never invalid', async () => {
    const result = await client().checkVatNumber(SANDBOX_FAULT_NUMBERS.serviceUnavailable);
    expect(result).toMatchObject({
      status: 'unavailable',
      reason: 'SERVICE_UNAVAILABLE',
      consultation: { attempts: 3, httpStatus: 500, errorCode: 'SERVICE_UNAVAILABLE' },
    });
    expect(sleeps).toEqual([100, 200]);
    expect(sandbox.requests).toHaveLength(3);
  });

  it.each([
    [SANDBOX_FAULT_NUMBERS.memberStateUnavailable, 'MS_UNAVAILABLE'],
    [SANDBOX_FAULT_NUMBERS.memberStateBusy, 'MS_MAX_CONCURRENT_REQ'],
    [SANDBOX_FAULT_NUMBERS.memberStateTimeout, 'TIMEOUT'],
  ])('a member-state fault (%s) is unavailable with reason %s', async (number, reason) => {
    expect(await client().checkVatNumber(number)).toMatchObject({
      status: 'unavailable',
      reason,
      consultation: { attempts: 3, httpStatus: 200 },
    });
  });

  it('a malformed number is rejected locally, without calling VIES', async () => {
    const result = await client().checkVatNumber('FR82342464409');
    expect(result).toMatchObject({
      status: 'format-invalid',
      problem: 'checksum',
      consultation: { source: 'local', attempts: 0 },
    });
    expect(sandbox.requests).toHaveLength(0);
  });

  it('a network failure is unavailable', async () => {
    const closed = await startViesSandbox();
    await closed.close();
    const result = await client({ baseUrl: closed.url, maxAttempts: 1 }).checkVatNumber('RO14040242');
    expect(result).toMatchObject({ status: 'unavailable', reason: 'NETWORK_ERROR' });
  });

  it('retries a transient failure and then gives the verdict', async () => {
    let calls = 0;
    const flaky: typeof fetch = async (input, init) => {
      calls += 1;
      return calls === 1 ? new Response('Service Unavailable', { status: 503 }) : fetch(input, init);
    };
    const result = await client({ fetch: flaky }).checkVatNumber('RO14040242');
    expect(result).toMatchObject({ status: 'valid', consultation: { attempts: 2 } });
  });

  it('opens the breaker after consecutive service failures, then lets one trial through after the cool-down', async () => {
    const vies = client({ maxAttempts: 1, failureThreshold: 2, coolDownMs: 30_000 });
    await vies.checkVatNumber(SANDBOX_FAULT_NUMBERS.serviceUnavailable);
    expect(vies.breakerState).toBe('closed');
    await vies.checkVatNumber(SANDBOX_FAULT_NUMBERS.serviceUnavailable);
    expect(vies.breakerState).toBe('open');

    sandbox.requests.length = 0;
    expect(await vies.checkVatNumber('RO14040242')).toMatchObject({ status: 'unavailable', reason: 'CIRCUIT_OPEN' });
    expect(sandbox.requests).toHaveLength(0);

    clock = new Date(clock.getTime() + 30_000);
    expect(vies.breakerState).toBe('half-open');
    // A failed trial opens it again for a full cool-down.
    await vies.checkVatNumber(SANDBOX_FAULT_NUMBERS.serviceUnavailable);
    expect(vies.breakerState).toBe('open');

    clock = new Date(clock.getTime() + 30_000);
    expect(await vies.checkVatNumber('RO14040242')).toMatchObject({ status: 'valid' });
    expect(vies.breakerState).toBe('closed');
  });

  it('does not count a member state being down against VIES itself', async () => {
    const vies = client({ maxAttempts: 1, failureThreshold: 1 });
    await vies.checkVatNumber(SANDBOX_FAULT_NUMBERS.memberStateUnavailable);
    expect(vies.breakerState).toBe('closed');
  });
});

describe('VIES sandbox contract', () => {
  let sandbox: ViesSandbox;
  beforeAll(async () => {
    sandbox = await startViesSandbox();
  });
  afterAll(() => sandbox.close());

  it('serves POST check-vat-number and GET check-status under the VIES base path', async () => {
    expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/taxation_customs\/vies\/rest-api$/);
    const answer = await fetch(`${sandbox.url}/check-vat-number`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ countryCode: 'FR', vatNumber: '82342464408' }),
    });
    expect(answer.status).toBe(200);
    const body = (await answer.json()) as { requestDate: unknown };
    expect(body).toMatchObject({
      countryCode: 'FR',
      vatNumber: '82342464408',
      valid: true,
      requestIdentifier: '',
      name: 'SOCIETE EXEMPLE SAS',
    });
    expect(typeof body.requestDate).toBe('string');

    const bad = await fetch(`${sandbox.url}/check-vat-number`, {
      method: 'POST',
      body: JSON.stringify({ countryCode: 'US', vatNumber: '1' }),
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ actionSucceed: false, errorWrappers: [{ error: 'INVALID_INPUT' }] });

    const status = (await (await fetch(`${sandbox.url}/check-status`)).json()) as { vow: unknown; countries: unknown[] };
    expect(status.vow).toEqual({ available: true });
    expect(status.countries).toHaveLength(27);
  });
});
