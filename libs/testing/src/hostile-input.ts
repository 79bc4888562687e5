import { FieldProblem } from '@obolus/contracts';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { Client } from 'pg';

/** A request sent byte for byte as written: any header, any body, nothing added. */
export interface RawRequest {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export interface RawReply {
  status: number;
  body: { code?: unknown; message?: unknown; fields?: FieldProblem[] };
}

export async function sendRaw(baseUrl: string, request: RawRequest): Promise<RawReply> {
  const response = await fetch(`${baseUrl}${request.path}`, {
    method: request.method ?? 'POST',
    headers: request.headers,
    body: request.body,
  });
  const text = await response.text();
  let body: RawReply['body'] = {};
  try {
    body = text ? JSON.parse(text) : {};
  } catch {
    body = { message: text };
  }
  return { status: response.status, body };
}

/** A JSON body nested `depth` levels deep. */
export const deeplyNested = (depth: number): string => `${'['.repeat(depth)}${']'.repeat(depth)}`;

/** The number of rows of every table of a service's schema, outbox and inbox included. */
export async function rowCounts(db: Client, schema: string): Promise<Record<string, number>> {
  const { rows } = await db.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE' ORDER BY table_name`,
    [schema],
  );
  const counts: Record<string, number> = {};
  for (const { table_name } of rows) {
    const result = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${schema}"."${table_name}"`);
    counts[table_name] = result.rows[0].n;
  }
  return counts;
}

/** Serves a JSON Web Key Set, as identity does, for services that verify access tokens. */
export async function serveJwks(jwks: unknown): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((_request, response) => {
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify(jwks));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/.well-known/jwks.json`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The transport-level attacks every JSON route must refuse with a 4xx, whatever its DTO. */
export function transportAttacks(validBody: unknown): [string, Omit<RawRequest, 'path' | 'method'>, number][] {
  const json = JSON.stringify(validBody);
  return [
    [
      'content-encoding gzip on a plain body',
      { headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' }, body: json },
      415,
    ],
    [
      'content-encoding br on a plain body',
      { headers: { 'content-type': 'application/json', 'content-encoding': 'br' }, body: json },
      415,
    ],
    [
      'content-encoding deflate on a plain body',
      { headers: { 'content-type': 'application/json', 'content-encoding': 'deflate' }, body: json },
      415,
    ],
    ['JSON nested 20,000 levels', { headers: { 'content-type': 'application/json' }, body: deeplyNested(20_000) }, 400],
    [
      'JSON nested 50,000 levels',
      { headers: { 'content-type': 'application/json' }, body: `{"a":${deeplyNested(50_000)}}` },
      400,
    ],
    ['JSON nested 33 levels', { headers: { 'content-type': 'application/json' }, body: `{"a":${deeplyNested(32)}}` }, 400],
    ['text/plain content type', { headers: { 'content-type': 'text/plain' }, body: json }, 415],
    ['form content type', { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=1' }, 415],
    ['no content type', { headers: {}, body: json }, 415],
    ['empty body', { headers: { 'content-type': 'application/json' }, body: '' }, 400],
    ['invalid JSON', { headers: { 'content-type': 'application/json' }, body: '{"a": ' }, 400],
    ['a JSON array', { headers: { 'content-type': 'application/json' }, body: '[]' }, 400],
    ['a JSON string', { headers: { 'content-type': 'application/json' }, body: '"x"' }, 400],
    ['JSON null', { headers: { 'content-type': 'application/json' }, body: 'null' }, 400],
    [
      'a 300 kB body',
      { headers: { 'content-type': 'application/json' }, body: JSON.stringify({ pad: 'x'.repeat(300_000) }) },
      413,
    ],
    ['a NUL in a JSON key', { headers: { 'content-type': 'application/json' }, body: '{"a\\u0000b": 1}' }, 400],
    [
      'a __proto__ key',
      { headers: { 'content-type': 'application/json' }, body: `{"__proto__": {"admin": true}, ${json.slice(1)}` },
      400,
    ],
    [
      'a constructor key',
      { headers: { 'content-type': 'application/json' }, body: `{"constructor": {"prototype": {}}, ${json.slice(1)}` },
      400,
    ],
    ['a prototype key', { headers: { 'content-type': 'application/json' }, body: `{"prototype": 1, ${json.slice(1)}` }, 400],
  ];
}

/**
 * Waits until the service's consumers have caught up with what the broker already holds (its row counts
 * stop changing), so a count taken around one request sees that request only.
 */
export async function waitForQuietTables(db: Client, schema: string, quietMs = 1500, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = JSON.stringify(await rowCounts(db, schema));
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, quietMs));
    const now = JSON.stringify(await rowCounts(db, schema));
    if (now === last) return;
    last = now;
  }
}

/** Values of every JSON type but a string, for fields that must be strings. */
export const NOT_A_STRING: [string, unknown][] = [
  ['a number', 42],
  ['an array', ['x']],
  ['an object', { x: 1 }],
  ['null', null],
  ['a boolean', true],
];

/**
 * The hostile cases of one service: each request must be refused with the given 4xx in the one error
 * shape ({code, message, fields} naming the field), and must leave every table of the service's schema,
 * outbox and inbox included, as it was.
 */
export class HostileCases {
  count = 0;
  private db?: Client;

  constructor(private readonly schema: string) {}

  /** The admin connection, for a test that must prepare rows first. */
  get database(): Client {
    return this.db!;
  }

  /** Connects and waits until the service's consumers have caught up, so counts see one request only. */
  async open(adminUrl = process.env.DATABASE_ADMIN_URL!): Promise<void> {
    this.db = new Client({ connectionString: adminUrl });
    await this.db.connect();
    await waitForQuietTables(this.db, this.schema);
  }

  async refused(baseUrl: string, request: RawRequest, status: number, field?: string): Promise<RawReply> {
    const before = await rowCounts(this.db!, this.schema);
    const reply = await sendRaw(baseUrl, request);
    const problems: string[] = [];
    if (reply.status !== status) problems.push(`status ${reply.status}, expected ${status}`);
    if (typeof reply.body.code !== 'string') problems.push('no code');
    if (typeof reply.body.message !== 'string') problems.push('no message');
    const fields = (reply.body.fields ?? []).map((f) => f.field);
    if (field !== undefined && !fields.includes(field)) problems.push(`fields [${fields.join(', ')}] do not name ${field}`);
    const after = await rowCounts(this.db!, this.schema);
    if (JSON.stringify(after) !== JSON.stringify(before)) {
      problems.push(`rows written: ${JSON.stringify(before)} -> ${JSON.stringify(after)}`);
    }
    if (problems.length > 0) {
      throw new Error(
        `${request.method ?? 'POST'} ${request.path} was not refused as it must be: ${problems.join('; ')}; body ${JSON.stringify(reply.body)}`,
      );
    }
    this.count += 1;
    return reply;
  }

  async close(): Promise<void> {
    console.log(`${this.schema}: ${this.count} hostile cases refused`);
    await this.db?.end();
  }
}

/**
 * Strings an attacker or an unlucky customer types into names and free text: markup, script, quotes,
 * template and formula syntax, control and direction characters, and non-Latin scripts. Rendered output
 * must show them as text, never as markup.
 */
export const HOSTILE_STRINGS: readonly string[] = [
  '<script>alert("x")</script>',
  '"><img src=x onerror=alert(1)>',
  "O'Brien & Fils <SRL>",
  '{{constructor.constructor("alert(1)")()}} ${process.env}',
  '=HYPERLINK("http://evil.example","x")',
  'Ștefănești\u202eSRL\u200b',
  '社会福祉法人 🚀 مرحبا',
];
