import { json, type Reply } from './http';
import type { OutageMode } from './faults';
import type { AnafSandbox } from './sandbox';
import type { AnafSandboxServer } from './server';

/** A control's JSON body, read one typed field at a time. */
class ControlBody {
  private readonly fields: Record<string, unknown>;

  constructor(text: string) {
    const parsed: unknown = text.trim() === '' ? {} : JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      throw new ControlError('The body must be a JSON object.');
    this.fields = parsed as Record<string, unknown>;
  }

  private value(name: string): unknown {
    return Object.hasOwn(this.fields, name) ? this.fields[name] : undefined;
  }

  number(name: string): number | undefined {
    const value = this.value(name);
    if (value === undefined) return undefined;
    const n = typeof value === 'string' ? Number(value) : value;
    if (typeof n !== 'number' || !Number.isFinite(n) || n < 0) throw new ControlError(`${name} must be a non-negative number.`);
    return n;
  }

  string(name: string): string | undefined {
    const value = this.value(name);
    if (value === undefined) return undefined;
    if (typeof value === 'number') return String(value);
    if (typeof value !== 'string') throw new ControlError(`${name} must be a string.`);
    return value;
  }

  required(name: string): string {
    const value = this.string(name);
    if (!value) throw new ControlError(`${name} is required.`);
    return value;
  }

  strings(name: string): string[] | undefined {
    const value = this.value(name);
    if (value === undefined) return undefined;
    if (!Array.isArray(value) || !value.every((v) => typeof v === 'string'))
      throw new ControlError(`${name} must be an array of strings.`);
    return value as string[];
  }
}

class ControlError extends Error {}

const OUTAGE_MODES: readonly string[] = ['reset', '503', 'refuse'];
const ok = (extra: Record<string, unknown> = {}): Reply => json({ ok: true, ...extra });

/** A test control's crafted archive, given as base64. */
function archiveOf(base64: string | undefined): Buffer | undefined {
  if (base64 === undefined) return undefined;
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) throw new ControlError('archiveBase64 must be base64.');
  return Buffer.from(base64, 'base64');
}

/** Maps `/_sandbox/...` requests onto the sandbox's controls; answers 400 `{ error }` for a bad request. */
export async function handleControl(
  sandbox: AnafSandbox,
  server: AnafSandboxServer,
  method: string,
  path: string,
  query: URLSearchParams,
  text: string,
): Promise<Reply> {
  try {
    const body = method === 'POST' ? new ControlBody(text) : new ControlBody('');
    const route = `${method} ${path.replace(/\/+$/, '')}`;
    switch (route) {
      case 'GET /_sandbox/health':
        return ok();
      case 'POST /_sandbox/reset':
        sandbox.reset();
        return ok();
      case 'GET /_sandbox/requests':
        return json({ data: sandbox.requests(query.get('path') ?? undefined) });
      case 'GET /_sandbox/signing-certificate':
        return { status: 200, contentType: 'application/x-pem-file', body: sandbox.signingCertificatePem };
      case 'GET /_sandbox/clock':
        return clock(sandbox.now());
      case 'POST /_sandbox/clock': {
        const given = body.string('now');
        const epochMs = given === undefined ? NaN : /^\d+$/.test(given) ? Number(given) : Date.parse(given);
        if (!Number.isFinite(epochMs)) throw new ControlError('now must be an ISO 8601 time or epoch milliseconds.');
        return clock(sandbox.setClock(epochMs));
      }
      case 'POST /_sandbox/clock/advance':
        return clock(sandbox.advanceClock(body.number('ms') ?? 0));
      case 'GET /_sandbox/faults':
        return json(server.faults.state(sandbox.now()));
      case 'POST /_sandbox/latency':
        sandbox.setLatency(body.number('ms') ?? 0);
        return ok();
      case 'POST /_sandbox/failures': {
        const count = body.number('count');
        const forMs = body.number('forMs');
        if (count === undefined && forMs === undefined) throw new ControlError('Give count or forMs.');
        if (count !== undefined) sandbox.failNext(count, body.string('path'));
        if (forMs !== undefined) sandbox.failFor(forMs);
        return ok();
      }
      case 'DELETE /_sandbox/failures':
        sandbox.stopFailing();
        return ok();
      case 'POST /_sandbox/outage': {
        const mode = body.string('mode') ?? 'reset';
        const forMs = body.number('forMs');
        if (!OUTAGE_MODES.includes(mode)) throw new ControlError('mode must be reset, 503 or refuse.');
        if (mode === 'refuse') {
          // The port closes once this answer is out; without forMs only the in-process comeUp() reopens it.
          if (forMs === undefined) throw new ControlError('refuse needs forMs over HTTP: nothing could reopen the port.');
          server.closePortAfterResponse(forMs);
        } else sandbox.goDown({ mode: mode as OutageMode, forMs });
        return ok();
      }
      case 'DELETE /_sandbox/outage':
        await sandbox.comeUp();
        return ok();
      case 'POST /_sandbox/reject-next':
        sandbox.rejectNext({ count: body.number('count') ?? 1, errors: body.strings('errors') ?? [] });
        return ok();
      case 'POST /_sandbox/processing/advance': {
        const index = body.number('id_incarcare');
        return json({ data: await sandbox.advanceProcessing(index) });
      }
      case 'POST /_sandbox/supplier-invoices':
        return json(
          sandbox.enqueueSupplierInvoice({
            cif: body.required('cif'),
            supplierCif: body.string('supplierCif'),
            xml: body.string('xml'),
            number: body.string('number'),
            issueDate: body.string('issueDate'),
            archive: archiveOf(body.string('archiveBase64')),
          }),
        );
      case 'POST /_sandbox/oauth/approve':
        return json(
          sandbox.approve({
            clientId: body.required('client_id'),
            redirectUri: body.required('redirect_uri'),
            state: body.string('state'),
            cifs: body.strings('cifs'),
          }),
        );
      case 'POST /_sandbox/oauth/revoke':
        return ok({ revoked: sandbox.revoke({ clientId: body.string('client_id'), cif: body.string('cif') }) });
      case 'POST /_sandbox/oauth/clients':
        sandbox.registerClient({
          clientId: body.required('client_id'),
          clientSecret: body.required('client_secret'),
          redirectUris: body.strings('redirect_uris') ?? [],
        });
        return ok();
      default:
        return json({ error: `Unknown sandbox control: ${method} ${path}` }, 404);
    }
  } catch (error) {
    if (error instanceof ControlError || error instanceof SyntaxError || error instanceof RangeError) {
      return json({ error: error.message }, 400);
    }
    throw error;
  }
}

function clock(epochMs: number): Reply {
  return json({ now: new Date(epochMs).toISOString(), epochMs });
}
