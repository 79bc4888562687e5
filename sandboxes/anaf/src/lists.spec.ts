import { startAnafSandbox, type AnafSandbox } from './index';
import { acceptingValidator, api, authorise, control, listMessages, uploadXml, uploadedIndex } from './test-support/anaf-client';
import { readZip } from './test-support/zip-reader';
import { supplierInvoiceXml } from './efactura/supplier-invoice';

const COMPANY = '14399840';
const DAY_MS = 86_400_000;

describe('ANAF sandbox message lists and supplier invoices', () => {
  let sandbox: AnafSandbox;
  let token: string;

  beforeEach(async () => {
    sandbox = await startAnafSandbox({ port: 0, processingDelayMs: 0, validator: acceptingValidator });
    token = (await authorise(sandbox)).access_token;
  });

  afterEach(() => sandbox.close());

  it('lists enqueued supplier invoices under filter P, each downloadable as sent', async () => {
    const ids: string[] = [];
    for (const supplier of ['11111110', '22222220', '33333330']) {
      const response = await control(sandbox, 'POST', 'supplier-invoices', {
        cif: COMPANY,
        supplierCif: supplier,
        number: `F-${supplier}`,
      });
      expect(response.status).toBe(200);
      const { id, id_incarcare } = (await response.json()) as { id: number; id_incarcare: number };
      expect(id_incarcare).toBeGreaterThan(0);
      ids.push(String(id));
    }
    const unreadable = '<?xml version="1.0"?><Factura><Numar>X-1</Numar></Factura>';
    const fourth = sandbox.enqueueSupplierInvoice({ cif: COMPANY, supplierCif: '44444440', xml: unreadable });
    expect((await control(sandbox, 'POST', 'supplier-invoices', { cif: COMPANY, xml: unreadable })).status).toBe(400);

    const received = await listMessages(sandbox, token, `listaMesajeFactura?zile=1&cif=${COMPANY}&filtru=P`);
    expect(received.mesaje!.map((m) => m.id)).toEqual([...ids, String(fourth.id)]);
    expect(received.mesaje![0]).toEqual({
      data_creare: expect.stringMatching(/^\d{12}$/),
      cif: COMPANY,
      id_solicitare: expect.stringMatching(/^\d+$/),
      detalii: `Factura cu id_incarcare=${received.mesaje![0].id_solicitare} emisa de cif_emitent=11111110 pentru cif_beneficiar=${COMPANY}`,
      tip: 'FACTURA PRIMITA',
      id: ids[0],
    });
    expect(received).toMatchObject({ cui: COMPANY, serial: expect.any(String), titlu: expect.any(String) });

    const zip = readZip(Buffer.from(await (await api(sandbox, token, `descarcare?id=${ids[1]}`)).arrayBuffer()));
    const index = received.mesaje![1].id_solicitare;
    expect(zip.get(`${index}.xml`)!.toString('utf8')).toBe(
      supplierInvoiceXml({ supplierCif: '22222220', buyerCif: COMPANY, number: 'F-22222220' }),
    );
    const odd = readZip(Buffer.from(await (await api(sandbox, token, `descarcare?id=${fourth.id}`)).arrayBuffer()));
    expect(odd.get(`${fourth.id_incarcare}.xml`)!.toString('utf8')).toBe(unreadable);

    // None of them is the company's own: nothing under T or E.
    expect(await listMessages(sandbox, token, `listaMesajeFactura?zile=1&cif=${COMPANY}&filtru=T`)).toEqual({
      eroare: 'Nu exista mesaje in ultimele 1 zile',
      titlu: 'Lista Mesaje',
    });
  });

  it('filters sent (T) and error (E) messages, and lists all without a filter', async () => {
    const sent = await uploadedIndex(
      await uploadXml(
        sandbox,
        token,
        `standard=UBL&cif=${COMPANY}`,
        supplierInvoiceXml({ supplierCif: COMPANY, buyerCif: '11111110', number: 'A-1' }),
      ),
    );
    sandbox.rejectNext();
    const rejected = await uploadedIndex(
      await uploadXml(
        sandbox,
        token,
        `standard=UBL&cif=${COMPANY}`,
        supplierInvoiceXml({ supplierCif: COMPANY, buyerCif: '11111110', number: 'A-2' }),
      ),
    );
    sandbox.enqueueSupplierInvoice({ cif: COMPANY, supplierCif: '22222220' });
    await sandbox.advanceProcessing();

    const byFilter = async (filter: string) =>
      (
        await listMessages(sandbox, token, `listaMesajeFactura?zile=1&cif=${COMPANY}${filter ? `&filtru=${filter}` : ''}`)
      ).mesaje!.map((m) => [m.tip, m.id_solicitare]);
    expect(await byFilter('T')).toEqual([['FACTURA TRIMISA', sent]]);
    expect(await byFilter('E')).toEqual([['ERORI FACTURA', rejected]]);
    expect((await byFilter('P')).map(([tip]) => tip)).toEqual(['FACTURA PRIMITA']);
    expect((await byFilter('')).map(([tip]) => tip)).toEqual(['FACTURA TRIMISA', 'ERORI FACTURA', 'FACTURA PRIMITA']);
    // The buyer of the accepted invoice sees it as received.
    expect(
      (await listMessages(sandbox, token, 'listaMesajeFactura?zile=1&cif=11111110&filtru=P')).mesaje!.map((m) => m.id_solicitare),
    ).toEqual([sent]);

    expect(await listMessages(sandbox, token, `listaMesajeFactura?zile=1&cif=${COMPANY}&filtru=X`)).toEqual({
      eroare: 'Valorile acceptate pentru parametrul filtru sunt E, T, P sau R',
      titlu: 'Lista Mesaje',
    });
    for (const zile of ['0', '61', 'abc']) {
      expect((await listMessages(sandbox, token, `listaMesajeFactura?zile=${zile}&cif=${COMPANY}`)).eroare).toBe(
        'Numarul de zile trebuie sa fie intre 1 si 60',
      );
    }
    expect((await listMessages(sandbox, token, 'listaMesajeFactura?zile=1&cif=RO1')).eroare).toBe(
      'CIF introdus= RO1 nu este un numar',
    );
    expect((await api(sandbox, token, `listaMesajeFactura?cif=${COMPANY}`)).status).toBe(400);

    // Two days later, the last day holds nothing, the last three days everything.
    sandbox.advanceClock(2 * DAY_MS);
    expect((await listMessages(sandbox, token, `listaMesajeFactura?zile=1&cif=${COMPANY}`)).eroare).toBe(
      'Nu exista mesaje in ultimele 1 zile',
    );
    expect((await listMessages(sandbox, token, `listaMesajeFactura?zile=3&cif=${COMPANY}`)).mesaje).toHaveLength(3);
  });

  it('pages by 500 between startTime and endTime, and sends the simple list to the paginated one', async () => {
    const start = sandbox.now() - 1000;
    for (let i = 0; i < 1001; i += 1) sandbox.enqueueSupplierInvoice({ cif: COMPANY, supplierCif: '22222220', number: `P-${i}` });
    sandbox.enqueueSupplierInvoice({ cif: '11111110', supplierCif: COMPANY, number: 'OTHER-1' });
    sandbox.advanceClock(60_000);
    const end = sandbox.now();
    const page = (n: number, filter = 'P') =>
      listMessages(
        sandbox,
        token,
        `listaMesajePaginatieFactura?startTime=${start}&endTime=${end}&cif=${COMPANY}&pagina=${n}&filtru=${filter}`,
      );

    const first = await page(1);
    expect(first).toMatchObject({
      numar_inregistrari_in_pagina: 500,
      numar_total_inregistrari_per_pagina: 500,
      numar_total_inregistrari: 1001,
      numar_total_pagini: 3,
      index_pagina_curenta: 1,
      cui: COMPANY,
    });
    expect(first.mesaje).toHaveLength(500);
    const third = await page(3);
    expect(third.mesaje).toHaveLength(1);
    expect(third.numar_inregistrari_in_pagina).toBe(1);
    const ids = new Set([...first.mesaje!, ...(await page(2)).mesaje!, ...third.mesaje!].map((m) => m.id));
    expect(ids.size).toBe(1001);
    expect((await page(4)).eroare).toBe('Pagina solicitata 4 este mai mare decat numarul toatal de pagini 3');
    expect((await page(1, 'T')).mesaje!.map((m) => m.detalii)).toEqual([
      expect.stringContaining(`emisa de cif_emitent=${COMPANY}`),
    ]);

    expect((await listMessages(sandbox, token, `listaMesajeFactura?zile=1&cif=${COMPANY}`)).eroare).toBe(
      'Lista de mesaje este mai mare decat numarul de 500 elemente permise in pagina. Folositi endpoint-ul cu paginatie.',
    );

    const window = (from: number, to: number) =>
      listMessages(sandbox, token, `listaMesajePaginatieFactura?startTime=${from}&endTime=${to}&cif=${COMPANY}&pagina=1`);
    expect((await window(end - 61 * DAY_MS, end)).eroare).toMatch(/nu poate fi mai vechi de 60 de zile/);
    expect((await window(start, end + DAY_MS)).eroare).toMatch(/nu poate fi in viitor/);
    expect((await window(end, start)).eroare).toMatch(/nu poate fi inainte de startTime/);
    expect((await window(end - 10, end)).eroare).toBe('Nu exista mesaje in intervalul selectat');
    expect((await api(sandbox, token, `listaMesajePaginatieFactura?startTime=${start}&cif=${COMPANY}&pagina=1`)).status).toBe(
      400,
    );
  }, 30_000); // 1,002 generated invoices, each built and read back: seconds on a loaded machine

  it('shows messages in the lists only after the listing delay, and only for CUIs the holder may act for', async () => {
    const delayed = await startAnafSandbox({
      port: 0,
      processingDelayMs: 0,
      listingDelayMs: 10 * 60_000,
      validator: acceptingValidator,
    });
    try {
      const restricted = (await authorise(delayed, [COMPANY])).access_token;
      delayed.enqueueSupplierInvoice({ cif: COMPANY, supplierCif: '22222220' });
      expect((await listMessages(delayed, restricted, `listaMesajeFactura?zile=1&cif=${COMPANY}`)).eroare).toBe(
        'Nu exista mesaje in ultimele 1 zile',
      );
      delayed.advanceClock(10 * 60_000);
      expect((await listMessages(delayed, restricted, `listaMesajeFactura?zile=1&cif=${COMPANY}`)).mesaje).toHaveLength(1);
      expect((await listMessages(delayed, restricted, 'listaMesajeFactura?zile=1&cif=22222220')).eroare).toMatch(
        /^Nu aveti drept/,
      );
    } finally {
      await delayed.close();
    }
  });

  it('keeps archives downloadable for 60 days only', async () => {
    const { id } = sandbox.enqueueSupplierInvoice({ cif: COMPANY, supplierCif: '22222220' });
    sandbox.advanceClock(60 * DAY_MS - 60_000);
    expect((await api(sandbox, token, `descarcare?id=${id}`)).headers.get('content-type')).toBe('application/zip');
    sandbox.advanceClock(120_000);
    expect(await (await api(sandbox, token, `descarcare?id=${id}`)).json()).toEqual({
      eroare: 'Fisierul nu mai poate fi descarcat pentru ca a trecut perioada de 60 de zile in care este disponibil',
      titlu: 'Descarcare mesaj',
    });
  });

  it('serves a crafted archive for a supplier invoice as given (test control, in process and over HTTP)', async () => {
    const crafted = Buffer.from('PK\u0003\u0004 not really a zip, ../../etc/passwd');
    const inProcess = sandbox.enqueueSupplierInvoice({ cif: COMPANY, supplierCif: '22222220', archive: crafted });
    const served = await api(sandbox, token, `descarcare?id=${inProcess.id}`);
    expect(served.headers.get('content-type')).toBe('application/zip');
    expect(Buffer.from(await served.arrayBuffer()).equals(crafted)).toBe(true);

    const overHttp = (await (
      await control(sandbox, 'POST', 'supplier-invoices', {
        cif: COMPANY,
        supplierCif: '22222220',
        archiveBase64: crafted.toString('base64'),
      })
    ).json()) as { id: number };
    expect(Buffer.from(await (await api(sandbox, token, `descarcare?id=${overHttp.id}`)).arrayBuffer()).equals(crafted)).toBe(
      true,
    );
    expect((await control(sandbox, 'POST', 'supplier-invoices', { cif: COMPANY, archiveBase64: '%%' })).status).toBe(400);
    // Listed as any supplier invoice; the ones without the control are built as before.
    const ordinary = sandbox.enqueueSupplierInvoice({ cif: COMPANY, supplierCif: '22222220' });
    expect(readZip(Buffer.from(await (await api(sandbox, token, `descarcare?id=${ordinary.id}`)).arrayBuffer())).size).toBe(2);
  });
});
