import { X509Certificate, createHash, verify } from 'node:crypto';
import { CIUS_RO_CUSTOMIZATION_ID, CiusRoValidator, buildUblXml } from '@obolus/ubl';
import { startAnafSandbox, supplierInvoiceDocument, supplierInvoiceXml, type AnafSandbox } from './index';
import {
  api,
  attribute,
  authorise,
  listMessages,
  uploadXml,
  uploadedIndex,
  type ValidationAnswer,
} from './test-support/anaf-client';
import { readZip } from './test-support/zip-reader';

const SELLER = '18547290';
const BUYER = '14399840';

describe('ANAF sandbox e-Factura API, validating with the official rules', () => {
  let sandbox: AnafSandbox;
  let token: string;
  let validator: CiusRoValidator;

  beforeAll(async () => {
    validator = CiusRoValidator.create({ warmUp: true });
    sandbox = await startAnafSandbox({ port: 0, processingDelayMs: 60_000, validator });
    token = (await authorise(sandbox, [SELLER, BUYER])).access_token;
  }, 120_000);

  afterAll(() => sandbox.close());

  const invoice = (number: string): string => supplierInvoiceXml({ supplierCif: SELLER, buyerCif: BUYER, number });

  async function stare(index: string): Promise<string> {
    const response = await api(sandbox, token, `stareMesaj?id_incarcare=${index}`);
    expect(response.headers.get('content-type')).toContain('application/xml');
    return response.text();
  }

  async function downloadZip(id: string): Promise<Map<string, Buffer>> {
    const response = await api(sandbox, token, `descarcare?id=${id}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    return readZip(bytes);
  }

  it('takes an upload, answers in prelucrare, then ok, and serves the invoice with a verifiable signature', async () => {
    const xml = invoice('OK-0001');
    const response = await uploadXml(sandbox, token, `standard=UBL&cif=${SELLER}`, xml);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/xml');
    const body = await response.text();
    expect(body).toMatch(
      /<header xmlns="mfp:anaf:dgti:spv:respUploadFisier:v1" dateResponse="\d{12}" ExecutionStatus="0" index_incarcare="\d+"\/>/,
    );
    const index = attribute(body, 'index_incarcare')!;

    expect(await stare(index)).toContain('<header xmlns="mfp:anaf:dgti:efactura:stareMesajFactura:v1" stare="in prelucrare"/>');
    const advanced = await fetch(`${sandbox.url}/_sandbox/processing/advance`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ id_incarcare: index }),
    });
    expect(await advanced.json()).toMatchObject({ data: [{ id_incarcare: Number(index), stare: 'ok' }] });
    const done = await stare(index);
    expect(attribute(done, 'stare')).toBe('ok');
    const downloadId = attribute(done, 'id_descarcare')!;
    expect(downloadId).toMatch(/^\d+$/);

    const entries = await downloadZip(downloadId);
    expect([...entries.keys()].sort()).toEqual([`${index}.xml`, `semnatura_${index}.xml`]);
    const document = entries.get(`${index}.xml`)!;
    expect(document.equals(Buffer.from(xml, 'utf8'))).toBe(true);

    // The detached signature: DigestValue is SHA-256 of the document's bytes, SignatureValue is
    // RSA-SHA256 over SignedInfo, and the certificate inside is the one the sandbox publishes.
    const signature = entries.get(`semnatura_${index}.xml`)!.toString('utf8');
    expect(signature).toContain('<Signature xmlns="http://www.w3.org/2000/09/xmldsig#">');
    const digest = /<DigestValue>([^<]+)<\/DigestValue>/.exec(signature)![1];
    expect(digest).toBe(createHash('sha256').update(document).digest('base64'));
    const signedInfo = /<SignedInfo[\s\S]*<\/SignedInfo>/.exec(signature)![0];
    const value = Buffer.from(/<SignatureValue>([^<]+)<\/SignatureValue>/.exec(signature)![1], 'base64');
    const published = new X509Certificate(await (await fetch(`${sandbox.url}/_sandbox/signing-certificate`)).text());
    expect(verify('sha256', Buffer.from(signedInfo, 'utf8'), published.publicKey, value)).toBe(true);
    const embedded = new X509Certificate(
      Buffer.from(/<X509Certificate>([^<]+)<\/X509Certificate>/.exec(signature)![1], 'base64'),
    );
    expect(embedded.fingerprint256).toBe(published.fingerprint256);
    expect(published.verify(published.publicKey)).toBe(true);
    // A changed document no longer matches the digest.
    expect(
      createHash('sha256')
        .update(Buffer.concat([document, Buffer.from(' ')]))
        .digest('base64'),
    ).not.toBe(digest);

    // The seller lists it as sent, the buyer as received, under the same download id.
    const sent = await listMessages(sandbox, token, `listaMesajeFactura?zile=1&cif=${SELLER}&filtru=T`);
    expect(sent.mesaje).toContainEqual(
      expect.objectContaining({
        id: downloadId,
        id_solicitare: index,
        tip: 'FACTURA TRIMISA',
        detalii: `Factura cu id_incarcare=${index} emisa de cif_emitent=${SELLER} pentru cif_beneficiar=${BUYER}`,
      }),
    );
    const received = await listMessages(sandbox, token, `listaMesajeFactura?zile=1&cif=${BUYER}&filtru=P`);
    expect(received.mesaje).toContainEqual(expect.objectContaining({ id: downloadId, tip: 'FACTURA PRIMITA', cif: BUYER }));
  }, 60_000);

  it("rejects an invalid invoice with nok and ANAF's error file naming the rule", async () => {
    const xml = invoice('BAD-0001').replace(CIUS_RO_CUSTOMIZATION_ID, 'urn:cen.eu:en16931:2017');
    const index = await uploadedIndex(await uploadXml(sandbox, token, `standard=UBL&cif=${SELLER}`, xml));
    await sandbox.advanceProcessing(Number(index));
    const done = await stare(index);
    expect(attribute(done, 'stare')).toBe('nok');
    const entries = await downloadZip(attribute(done, 'id_descarcare')!);
    const errorFile = entries.get(`${index}.xml`)!.toString('utf8');
    expect(errorFile).toContain(
      `<header xmlns="mfp:anaf:dgti:efactura:mesajEroriFactuta:v1" Index_incarcare="${index}" Cif_emitent="${SELLER}">`,
    );
    expect(errorFile).toMatch(/<Error errorMessage="E: validari globale {2}SCHEMATRON {3}eroare: \[BR-RO-001\]-[^"]+"\/>/);
    expect(entries.has(`semnatura_${index}.xml`)).toBe(true);

    const errors = await listMessages(sandbox, token, `listaMesajeFactura?zile=1&cif=${SELLER}&filtru=E`);
    expect(errors.mesaje).toContainEqual(expect.objectContaining({ id_solicitare: index, tip: 'ERORI FACTURA' }));
    // The buyer receives nothing.
    const received = await listMessages(sandbox, token, `listaMesajeFactura?zile=1&cif=${BUYER}&filtru=P`);
    expect(received.mesaje ?? []).not.toContainEqual(expect.objectContaining({ id_solicitare: index }));
  }, 60_000);

  it('validates credit notes (standard=CN) with the same rules, and takes B2C invoices on uploadb2c', async () => {
    const creditNote = buildUblXml({
      ...supplierInvoiceDocument({ supplierCif: SELLER, buyerCif: BUYER, number: 'CN-0001' }),
      kind: 'creditNote',
      precedingInvoices: [{ id: 'OK-0001', issueDate: '2026-11-20' }],
    });
    const cn = await uploadedIndex(await uploadXml(sandbox, token, `standard=CN&cif=${SELLER}`, creditNote));
    const brokenCreditNote = creditNote.replace(CIUS_RO_CUSTOMIZATION_ID, 'urn:cen.eu:en16931:2017');
    const badCn = await uploadedIndex(await uploadXml(sandbox, token, `standard=CN&cif=${SELLER}`, brokenCreditNote));

    const consumer = buildUblXml({
      ...supplierInvoiceDocument({ supplierCif: SELLER, buyerCif: BUYER, number: 'B2C-0001' }),
      buyer: {
        name: 'Ion Popescu',
        legalRegistrationId: '0000000000000',
        address: { street: 'Str. Lunga 1', city: 'Brasov', countrySubdivision: 'RO-BV', country: 'RO' },
      },
    });
    const b2c = await uploadedIndex(await uploadXml(sandbox, token, `standard=UBL&cif=${SELLER}`, consumer, 'uploadb2c'));

    await sandbox.advanceProcessing();
    expect(attribute(await stare(cn), 'stare')).toBe('ok');
    expect(attribute(await stare(badCn), 'stare')).toBe('nok');
    expect(attribute(await stare(b2c), 'stare')).toBe('ok');
    // A credit note sent as an invoice is not taken into the system.
    const misfiled = await uploadedIndex(await uploadXml(sandbox, token, `standard=UBL&cif=${SELLER}`, creditNote));
    await sandbox.advanceProcessing(Number(misfiled));
    const refused = await stare(misfiled);
    expect(attribute(refused, 'stare')).toBe('XML cu erori nepreluat de sistem');
    expect(attribute(refused, 'id_descarcare')).toBeUndefined();
  }, 60_000);

  it('reports a second upload of the same invoice as nok, and rejects on request of a test', async () => {
    const xml = invoice('DUP-0001');
    const first = await uploadedIndex(await uploadXml(sandbox, token, `standard=UBL&cif=${SELLER}`, xml));
    await sandbox.advanceProcessing(Number(first));
    const second = await uploadedIndex(await uploadXml(sandbox, token, `standard=UBL&cif=${SELLER}`, xml));
    await sandbox.advanceProcessing(Number(second));
    const answer = await stare(second);
    expect(attribute(answer, 'stare')).toBe('nok');
    const errorFile = (await downloadZip(attribute(answer, 'id_descarcare')!)).get(`${second}.xml`)!.toString('utf8');
    expect(errorFile).toContain(`Factura a mai fost transmisa anterior cu index=${first} si data incarcare=`);

    const control = await fetch(`${sandbox.url}/_sandbox/reject-next`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ errors: ['E: validari globale  SCHEMATRON   eroare: [BR-RO-TEST]-respins de test'] }),
    });
    expect(control.status).toBe(200);
    const forced = await uploadedIndex(await uploadXml(sandbox, token, `standard=UBL&cif=${SELLER}`, invoice('FORCED-0001')));
    const after = await uploadedIndex(await uploadXml(sandbox, token, `standard=UBL&cif=${SELLER}`, invoice('AFTER-0001')));
    await sandbox.advanceProcessing();
    const forcedAnswer = await stare(forced);
    expect(attribute(forcedAnswer, 'stare')).toBe('nok');
    const forcedFile = (await downloadZip(attribute(forcedAnswer, 'id_descarcare')!)).get(`${forced}.xml`)!.toString('utf8');
    expect(forcedFile).toContain('[BR-RO-TEST]-respins de test');
    expect(attribute(await stare(after), 'stare')).toBe('ok');
  }, 60_000);

  it('ends processing by itself once the delay has passed on the sandbox clock', async () => {
    const index = await uploadedIndex(await uploadXml(sandbox, token, `standard=UBL&cif=${SELLER}`, invoice('CLOCK-0001')));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(attribute(await stare(index), 'stare')).toBe('in prelucrare');
    await fetch(`${sandbox.url}/_sandbox/clock/advance`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ms: 60_000 }),
    });
    let answer = await stare(index);
    // Validation runs in real time; the delay is over, so the answer comes as soon as it is done.
    for (let i = 0; i < 100 && attribute(answer, 'stare') === 'in prelucrare'; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      answer = await stare(index);
    }
    expect(attribute(answer, 'stare')).toBe('ok');
  }, 60_000);

  it("refuses at upload what ANAF refuses at once, with ANAF's messages", async () => {
    const refusal = async (query: string, body: string): Promise<string[]> => {
      const text = await (await uploadXml(sandbox, token, query, body)).text();
      expect(text).toContain('ExecutionStatus="1"');
      expect(text).not.toContain('index_incarcare');
      return [...text.matchAll(/<Errors errorMessage="([^"]*)"\/>/g)].map((m) => m[1]);
    };
    const xml = invoice('REFUSED-0001');
    expect(await refusal(`standard=XYZ&cif=${SELLER}`, xml)).toEqual([
      'Valorile acceptate pentru parametrul standard sunt UBL, CN, CII sau RASP',
    ]);
    expect(await refusal('standard=UBL&cif=123a', xml)).toEqual(['CIF introdus= 123a nu este un numar']);
    expect(await refusal('standard=UBL&cif=1234', xml)).toEqual(['Nu aveti drept in SPV pentru CIF=1234']);
    const [malformed] = await refusal(`standard=UBL&cif=${SELLER}`, '<Invoice><cbc:ID>1</Invoice>');
    expect(malformed).toMatch(/^Fisierul transmis nu este valid\. org\.xml\.sax\.SAXParseException; lineNumber: 1;/);
    expect(await refusal(`standard=UBL&cif=${SELLER}`, `<x>${'a'.repeat(10 * 1024 * 1024)}</x>`)).toEqual([
      'Marime fisier transmis mai mare de 10 MB.',
    ]);

    const missing = await uploadXml(sandbox, token, `cif=${SELLER}`, xml);
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual({
      timestamp: expect.stringMatching(/^\d{2}-\d{2}-\d{4} \d{2}:\d{2}:\d{2}$/),
      status: 400,
      error: 'Bad Request',
      message: 'Parametrii standard si cif sunt obligatorii',
      path: '/test/FCTEL/rest/upload',
    });
  }, 60_000);

  it("answers stareMesaj's query errors in its own namespace", async () => {
    const errorOf = async (query: string): Promise<string | undefined> => {
      const text = await (await api(sandbox, token, `stareMesaj?${query}`)).text();
      expect(text).toContain('<header xmlns="mfp:anaf:dgti:efactura:stareMesajFactura:v1">');
      return /errorMessage="([^"]*)"/.exec(text)?.[1];
    };
    expect(await errorOf('id_incarcare=15000')).toBe('Nu exista factura cu id_incarcare= 15000');
    expect(await errorOf('id_incarcare=aaa')).toBe('Id_incarcare introdus= aaa nu este un numar intreg');
    const missing = await api(sandbox, token, 'stareMesaj');
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ status: 400, message: 'Parametrul id_incarcare este obligatoriu' });
    expect(await (await api(sandbox, token, 'descarcare?id=21')).json()).toEqual({
      eroare: 'Pentru id=21 nu exista inregistrata nici o factura',
      titlu: 'Descarcare mesaj',
    });
  });

  it('validates (validare) and renders (transformare) without a token', async () => {
    const post = (path: string, body: string) =>
      fetch(`${sandbox.url}/prod/FCTEL/rest/${path}`, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body });
    const good = await (await post('validare/FACT1', invoice('VAL-0001'))).json();
    expect(good).toEqual({ stare: 'ok', trace_id: expect.any(String) });
    const bad = (await (
      await post('validare/FACT1', invoice('VAL-0002').replace(CIUS_RO_CUSTOMIZATION_ID, 'x'))
    ).json()) as ValidationAnswer;
    expect(bad).toMatchObject({ stare: 'nok', trace_id: expect.any(String) });
    expect(bad.Messages!.map((m) => m.message).join('\n')).toContain('[BR-RO-001]');

    const pdf = await post('transformare/FACT1', invoice('PDF-0001'));
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 8).toString('latin1')).toBe('%PDF-1.4');
    expect(bytes.toString('latin1')).toContain('(Factura PDF-0001 din 2026-11-20) Tj');
    expect(bytes.toString('latin1').trimEnd().endsWith('%%EOF')).toBe(true);
    const refused = (await (
      await post('transformare/FACT1', invoice('PDF-0002').replace(CIUS_RO_CUSTOMIZATION_ID, 'x'))
    ).json()) as ValidationAnswer;
    expect(refused.stare).toBe('nok');
    const forced = await post('transformare/FACT1/DA', invoice('PDF-0003').replace(CIUS_RO_CUSTOMIZATION_ID, 'x'));
    expect(forced.headers.get('content-type')).toBe('application/pdf');
  }, 60_000);
});
