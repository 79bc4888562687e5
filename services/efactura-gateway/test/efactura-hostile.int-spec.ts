import { readZipEntries } from '@obolus/anaf';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the ANAF sandbox's archive writer, which writes names as given
import { writeZip } from '@obolus/anaf-sandbox';
import { waitFor } from '@obolus/testing';
import fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { GatewayWithAnafSandbox, Owner, SELLER_CIF, startGatewayWithAnafSandbox } from './gateway-with-anaf-sandbox';

const SUPPLIER_CIF = '18547290';
const UBL_HEAD =
  '<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">';

/** The file-system calls that create or change a file by name; each call is recorded with its path. */
const WRITING_CALLS = [
  'writeFile',
  'writeFileSync',
  'appendFile',
  'appendFileSync',
  'createWriteStream',
  'mkdir',
  'mkdirSync',
  'mkdtemp',
  'mkdtempSync',
  'copyFile',
  'copyFileSync',
  'cp',
  'cpSync',
  'rename',
  'renameSync',
  'symlink',
  'symlinkSync',
  'link',
  'linkSync',
  'truncate',
  'truncateSync',
] as const;
const WRITING_PROMISES = [
  'writeFile',
  'appendFile',
  'mkdir',
  'mkdtemp',
  'copyFile',
  'cp',
  'rename',
  'symlink',
  'link',
  'truncate',
] as const;
const WRITE_FLAGS = /[wa+]/;

/** Spies on every way of writing a file by name (and on open with a writing flag), calling through. */
function watchFileWrites(): { written: () => string[]; stop: () => void } {
  const written: string[] = [];
  const spies: jest.SpyInstance[] = [];
  const record =
    (name: string) =>
    (...args: unknown[]) =>
      written.push(`${name} ${String(args[0])}`);
  for (const name of WRITING_CALLS) {
    const original = (fs as unknown as Record<string, (...a: unknown[]) => unknown>)[name];
    if (typeof original !== 'function') continue;
    spies.push(
      jest.spyOn(fs as unknown as Record<string, (...a: unknown[]) => unknown>, name).mockImplementation(function (
        this: unknown,
        ...args: unknown[]
      ) {
        record(name)(...args);
        return original.apply(this, args);
      }),
    );
  }
  for (const name of WRITING_PROMISES) {
    const target = fs.promises as unknown as Record<string, (...a: unknown[]) => unknown>;
    const original = target[name];
    if (typeof original !== 'function') continue;
    spies.push(
      jest.spyOn(target, name).mockImplementation(function (this: unknown, ...args: unknown[]) {
        record(`promises.${name}`)(...args);
        return original.apply(this, args);
      }),
    );
  }
  for (const [name, target] of [
    ['open', fs],
    ['openSync', fs],
    ['promises.open', fs.promises],
  ] as const) {
    const key = name.replace('promises.', '');
    const object = target as unknown as Record<string, (...a: unknown[]) => unknown>;
    const original = object[key];
    spies.push(
      jest.spyOn(object, key).mockImplementation(function (this: unknown, ...args: unknown[]) {
        const flags = args[1];
        if ((typeof flags === 'string' && WRITE_FLAGS.test(flags)) || (typeof flags === 'number' && (flags & 0o103) !== 0))
          record(name)(...args);
        return original.apply(this, args);
      }),
    );
  }
  return { written: () => [...written], stop: () => spies.forEach((spy) => spy.mockRestore()) };
}

/** Every file under `dir` (not following links, not into node_modules or .git) whose name holds `tag`. */
function filesNamed(dir: string, tag: string, depth = 2): string[] {
  if (depth < 0) return [];
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const path = join(dir, entry.name);
    const found = entry.name.includes(tag) ? [path] : [];
    if (!entry.isDirectory() || entry.name === 'node_modules' || entry.name === '.git') return found;
    return [...found, ...filesNamed(path, tag, depth - 1)];
  });
}

describe('efactura-gateway against hostile supplier invoices and archives (ANAF sandbox, real Postgres)', () => {
  let stack: GatewayWithAnafSandbox;
  let connected: Owner;

  type Incoming = { id: string; anafId: string; number: string | null; supplierCif: string | null; parseError: string | null };
  const listed = async (): Promise<Incoming[]> =>
    (await stack.call<Incoming[]>('GET', `/accounts/${connected.accountId}/efactura/incoming`, connected.token)).body;
  const untilListed = (ids: string[]) =>
    waitFor(
      async () => {
        await stack.runner.runDue();
        const found = (await listed()).filter((i) => ids.includes(i.anafId));
        return found.length === ids.length ? found : undefined;
      },
      { what: `${ids.length} supplier invoices listed`, timeoutMs: 60_000, intervalMs: 200 },
    );

  beforeAll(async () => {
    stack = await startGatewayWithAnafSandbox();
    connected = await stack.owner();
    await stack.connect(connected);
    // One ordinary supplier invoice first: every code path of a listing has run once before the watch begins.
    const ordinary = stack.anaf.enqueueSupplierInvoice({ cif: SELLER_CIF, supplierCif: SUPPLIER_CIF });
    const [kept] = await untilListed([String(ordinary.id)]);
    expect(kept).toMatchObject({ parseError: null, supplierCif: SUPPLIER_CIF });
  }, 120_000);

  afterAll(async () => {
    await stack?.close();
  });

  it('refuses or contains an XML bomb, a 12 MB file, a non-UBL file and a path-traversal ZIP; nothing is written outside the archive', async () => {
    // A tag no hex dump can hold ('z', 'q', 'x' are no hex digits): wherever it shows as text, the content got out.
    const tag = `zqx${String(Math.floor(Math.random() * 1e9))}`;
    const laughs = Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join('');
    const bomb =
      `<?xml version="1.0"?><!DOCTYPE Invoice [<!ENTITY l0 "${tag}">${laughs}<!ENTITY big "${'x'.repeat(100_000)}">]>` +
      `${UBL_HEAD}<cbc:ID>BOMB-${tag}</cbc:ID><cbc:Note>&l9;${'&big;'.repeat(20_000)}</cbc:Note></Invoice>`;
    const huge = `${UBL_HEAD}<cbc:ID>BIG-${tag}</cbc:ID><cbc:Note>${`${tag} `.repeat(Math.ceil((12 * 1024 * 1024) / (tag.length + 1)))}</cbc:Note></Invoice>`;
    expect(Buffer.byteLength(huge)).toBeGreaterThan(12 * 1024 * 1024);
    const notUbl = `<?xml version="1.0"?><Order xmlns="urn:oasis:names:specification:ubl:schema:xsd:Order-2"><ID>ORDER-${tag}</ID></Order>`;
    // The refused name is quoted in the reason, so it carries a token of its own, not the content's tag.
    const escaped = `obolus-escaped-${String(Math.floor(Math.random() * 1e9))}`;
    const escapeName = `../../../../../../../../tmp/${escaped}.xml`;
    // The sandbox's writer puts each name in the archive as given, as a hostile sender would.
    const traversal = writeZip(
      [
        { name: escapeName, data: Buffer.from(`${UBL_HEAD}<cbc:ID>ESCAPE-${tag}</cbc:ID></Invoice>`) },
        { name: 'semnatura_1.xml', data: Buffer.from('<Signature/>') },
      ],
      Date.parse('2026-11-28T00:00:00Z'),
    );

    // The watch sees a write made the ordinary ways (the check below would not pass for want of eyes).
    const probe = watchFileWrites();
    const probePath = join(tmpdir(), `${escaped}-probe`);
    try {
      fs.writeFileSync(probePath, 'x');
      await fs.promises.writeFile(probePath, 'y');
      fs.createWriteStream(probePath, { flags: 'a' }).end('z');
    } finally {
      probe.stop();
    }
    await new Promise((done) => setTimeout(done, 50));
    fs.rmSync(probePath, { force: true });
    expect(probe.written()).toEqual(
      expect.arrayContaining([`writeFileSync ${probePath}`, `promises.writeFile ${probePath}`, `createWriteStream ${probePath}`]),
    );

    const watch = watchFileWrites();
    let sent: Record<'bomb' | 'huge' | 'notUbl' | 'traversal', { id: number }>;
    try {
      sent = {
        bomb: stack.anaf.enqueueSupplierInvoice({ cif: SELLER_CIF, supplierCif: SUPPLIER_CIF, xml: bomb }),
        huge: stack.anaf.enqueueSupplierInvoice({ cif: SELLER_CIF, supplierCif: SUPPLIER_CIF, xml: huge }),
        notUbl: stack.anaf.enqueueSupplierInvoice({ cif: SELLER_CIF, supplierCif: SUPPLIER_CIF, xml: notUbl }),
        traversal: stack.anaf.enqueueSupplierInvoice({ cif: SELLER_CIF, supplierCif: SUPPLIER_CIF, archive: traversal }),
      };
      await untilListed(Object.values(sent).map((m) => String(m.id)));
    } finally {
      watch.stop();
    }

    // Refused or contained, each with its reason, nothing read from it: no number, no supplier, no parsed document.
    const rows = await stack.db.query<{
      anaf_id: string;
      parse_error: string | null;
      parsed: unknown;
      number: string | null;
      supplier_cif: string | null;
      signer: string | null;
      archive: Buffer;
    }>(
      `SELECT anaf_id, parse_error, parsed, number, supplier_cif, signer, archive FROM efactura_gateway.incoming_invoices
        WHERE account_id = $1 AND anaf_id = ANY($2)`,
      [connected.accountId, Object.values(sent).map((m) => String(m.id))],
    );
    const row = (kind: keyof typeof sent) => rows.rows.find((r) => r.anaf_id === String(sent[kind].id))!;
    expect(rows.rows).toHaveLength(4);
    for (const kind of Object.keys(sent) as Array<keyof typeof sent>)
      expect(row(kind)).toMatchObject({ parsed: null, number: null, supplier_cif: null });
    expect(row('bomb').parse_error).toBe(
      'not well-formed XML: a DOCTYPE declaration is refused: UBL documents have none, and its entities are not expanded',
    );
    expect(row('huge').parse_error).toMatch(/^archive refused: entry \d+\.xml holds \d+ bytes, more than 10485760$/);
    expect(row('huge').signer).toBeNull();
    expect(row('notUbl').parse_error).toMatch(/^not a UBL invoice: root element 'Order'/);
    expect(row('traversal').parse_error).toBe(`archive refused: refused entry name ${JSON.stringify(escapeName)}`);
    expect(row('traversal').signer).toBeNull();

    // The archive column holds ANAF's archive byte for byte (the document in it is what the supplier sent)…
    expect(row('traversal').archive.equals(traversal)).toBe(true);
    for (const [kind, xml] of [
      ['bomb', bomb],
      ['huge', huge],
      ['notUbl', notUbl],
    ] as const) {
      const entries = readZipEntries(row(kind).archive, { maxEntryBytes: 64 * 1024 * 1024 });
      expect(entries.find((e) => /^\d+\.xml$/.test(e.name))!.bytes.toString('utf8')).toBe(xml);
    }
    // … and no other column or row of the gateway's tables holds any of it as text (a bytea shows as hex).
    const tables = await stack.db.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'efactura_gateway' AND table_type = 'BASE TABLE'`,
    );
    expect(tables.rows.length).toBeGreaterThan(3);
    for (const { table_name } of tables.rows) {
      const leaked = await stack.db.query(
        `SELECT count(*)::int AS n FROM efactura_gateway."${table_name}" t WHERE to_jsonb(t)::text LIKE $1`,
        [`%${tag}%`],
      );
      expect({ table: table_name, rows: leaked.rows[0].n }).toEqual({ table: table_name, rows: 0 });
    }

    // Nothing written anywhere on disk while the four were listed, downloaded and read…
    expect(watch.written()).toEqual([]);
    // … the traversal's target does not exist, from any directory it could have been resolved against…
    for (const base of ['/', process.cwd(), tmpdir(), resolve(__dirname, '..')])
      expect(fs.existsSync(resolve(base, escapeName))).toBe(false);
    expect(fs.existsSync(`/tmp/${escaped}.xml`)).toBe(false);
    // … and no file anywhere near carries the tag in its name.
    for (const dir of ['/tmp', tmpdir(), process.cwd(), resolve(__dirname, '..')])
      expect([...filesNamed(dir, tag), ...filesNamed(dir, escaped)]).toEqual([]);

    // The owner can download each archive as it came; the XML inside only when the archive was opened.
    const byAnafId = new Map((await listed()).map((i) => [i.anafId, i.id]));
    const get = (id: string, what: 'archive' | 'xml') =>
      fetch(`${stack.url}/accounts/${connected.accountId}/efactura/incoming/${id}/${what}`, {
        headers: { authorization: `Bearer ${connected.token}` },
      });
    const traversalArchive = await get(byAnafId.get(String(sent.traversal.id))!, 'archive');
    expect(Buffer.from(await traversalArchive.arrayBuffer()).equals(traversal)).toBe(true);
    expect((await get(byAnafId.get(String(sent.traversal.id))!, 'xml')).status).toBe(404);
    expect((await get(byAnafId.get(String(sent.huge.id))!, 'xml')).status).toBe(404);
    const bombXml = await get(byAnafId.get(String(sent.bomb.id))!, 'xml');
    expect(await bombXml.text()).toBe(bomb); // as sent, never expanded
  }, 180_000);
});
