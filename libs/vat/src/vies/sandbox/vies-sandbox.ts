import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { EU_MEMBER_STATES, vatPrefixOf } from '../../eu-countries';
import {
  CHECK_STATUS_PATH,
  CHECK_VAT_NUMBER_PATH,
  VIES_BASE_PATH,
  ViesCheckVatResponse,
  ViesErrorResponse,
} from '../vies-contract';
import { SANDBOX_FAULT_NUMBERS, SANDBOX_VALID_NUMBERS } from './sandbox-registry';

export interface ViesSandboxOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Delay of the slow number's answer. */
  slowDelayMs?: number;
  now?: () => Date;
}

export interface ViesSandbox {
  /** Base URL for ViesClient: http://127.0.0.1:<port>/taxation_customs/vies/rest-api */
  url: string;
  port: number;
  /** Requests received, for tests that count retries. */
  readonly requests: { countryCode: string; vatNumber: string }[];
  /**
   * Test control: while down, every check answers as VIES does in an outage (HTTP 500 with
   * SERVICE_UNAVAILABLE) and the status route reports VoW unavailable; up again, the registry answers.
   */
  setDown(down: boolean): void;
  close(): Promise<void>;
}

const VIES_PREFIXES = new Set<string>(EU_MEMBER_STATES.map(vatPrefixOf));

function send(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}

function failure(error: string, message?: string): ViesErrorResponse {
  return { actionSucceed: false, errorWrappers: [{ error, ...(message ? { message } : {}) }] };
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return undefined;
  }
}

/**
 * A VIES stand-in on loopback: the same paths, bodies and error envelopes as the REST API, with
 * answers fixed by number (see sandbox-registry.ts). For tests and local runs; never a real check.
 */
export async function startViesSandbox(options: ViesSandboxOptions = {}): Promise<ViesSandbox> {
  const slowDelayMs = options.slowDelayMs ?? 5_000;
  const now = options.now ?? (() => new Date());
  const requests: { countryCode: string; vatNumber: string }[] = [];
  const pendingTimers = new Set<NodeJS.Timeout>();
  let consultations = 0;
  let down = false;

  const server = createServer((request, response) => {
    void handle(request, response).catch(() => send(response, 500, failure('SERVICE_UNAVAILABLE')));
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = (request.url ?? '').split('?')[0];
    if (request.method === 'GET' && path === `${VIES_BASE_PATH}${CHECK_STATUS_PATH}`) {
      send(response, 200, {
        vow: { available: !down },
        countries: [...VIES_PREFIXES].map((countryCode) => ({ countryCode, availability: down ? 'Unavailable' : 'Available' })),
      });
      return;
    }
    if (down) {
      requests.push({ countryCode: '', vatNumber: '' });
      send(response, 500, failure('SERVICE_UNAVAILABLE'));
      return;
    }
    if (request.method !== 'POST' || path !== `${VIES_BASE_PATH}${CHECK_VAT_NUMBER_PATH}`) {
      send(response, 404, failure('INVALID_INPUT', 'Unknown resource'));
      return;
    }
    const body = (await readJson(request)) as Record<string, unknown> | undefined;
    const countryCode = typeof body?.countryCode === 'string' ? body.countryCode : '';
    const vatNumber = typeof body?.vatNumber === 'string' ? body.vatNumber.replace(/\s+/g, '').toUpperCase() : '';
    requests.push({ countryCode, vatNumber });
    if (!VIES_PREFIXES.has(countryCode) || !/^[0-9A-Z+*]{2,12}$/.test(vatNumber)) {
      send(response, 400, failure('INVALID_INPUT'));
      return;
    }
    const key = `${countryCode}${vatNumber}`;
    switch (key) {
      case SANDBOX_FAULT_NUMBERS.memberStateUnavailable:
        send(response, 200, failure('MS_UNAVAILABLE'));
        return;
      case SANDBOX_FAULT_NUMBERS.memberStateBusy:
        send(response, 200, failure('MS_MAX_CONCURRENT_REQ'));
        return;
      case SANDBOX_FAULT_NUMBERS.memberStateTimeout:
        send(response, 200, failure('TIMEOUT'));
        return;
      case SANDBOX_FAULT_NUMBERS.serviceUnavailable:
        send(response, 500, failure('SERVICE_UNAVAILABLE'));
        return;
      case SANDBOX_FAULT_NUMBERS.slow:
        await new Promise<void>((resolve) => {
          const timer = setTimeout(() => {
            pendingTimers.delete(timer);
            resolve();
          }, slowDelayMs);
          pendingTimers.add(timer);
        });
        if (response.destroyed) return;
        break;
      default:
        break;
    }
    const trader = SANDBOX_VALID_NUMBERS[key];
    const withRequester = typeof body?.requesterMemberStateId === 'string' && typeof body?.requesterNumber === 'string';
    consultations += 1;
    const answer: ViesCheckVatResponse = {
      countryCode,
      vatNumber,
      requestDate: now().toISOString(),
      valid: trader !== undefined,
      // Like VIES: a consultation number only when the requester identified itself.
      requestIdentifier: withRequester ? `WAPISANDBOX${String(consultations).padStart(8, '0')}` : '',
      name: trader?.name ?? '---',
      address: trader?.address ?? '---',
      traderName: trader?.name ?? '---',
      traderCompanyType: '---',
      traderNameMatch: 'NOT_PROCESSED',
      traderStreetMatch: 'NOT_PROCESSED',
      traderPostalCodeMatch: 'NOT_PROCESSED',
      traderCityMatch: 'NOT_PROCESSED',
      traderCompanyTypeMatch: 'NOT_PROCESSED',
    };
    send(response, 200, answer);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${VIES_BASE_PATH}`,
    port,
    requests,
    setDown: (value: boolean) => {
      down = value;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of pendingTimers) clearTimeout(timer);
        pendingTimers.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
