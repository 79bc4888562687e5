import { buildUblXml } from './build-xml';
import { completeUblDocument } from './complete-document';
import { UblDocumentRejectedError } from './errors';
import { UblDocument } from './model';
import { sampleB2bInvoice } from './test-support/sample-documents';

function rejection(document: UblDocument): UblDocumentRejectedError {
  try {
    buildUblXml(document);
  } catch (error) {
    if (error instanceof UblDocumentRejectedError) return error;
    throw error;
  }
  throw new Error('the document was accepted');
}

const problem = (document: UblDocument) => rejection(document).fields.map(({ field, ruleId }) => ({ field, ruleId }));

describe('buildUblXml refuses, before writing, a document that cannot be valid', () => {
  const good = sampleB2bInvoice();

  it('a Romanian buyer without any id (BR-RO-120)', () => {
    const error = rejection({ ...good, buyer: { ...good.buyer, vatId: undefined } });
    expect(error.code).toBe('UBL_DOCUMENT_INVALID');
    expect(error.fields).toEqual([
      {
        field: 'buyer.legalRegistrationId',
        ruleId: 'BR-RO-120',
        reason: expect.stringContaining('a CUI, a CNP or 0000000000000'),
      },
    ]);
  });

  it('a negative net price (BR-27)', () => {
    const lines = [{ ...good.lines[0], price: { amount: '-5.00' } }];
    expect(problem({ ...good, lines })).toEqual([{ field: 'lines[0].price.amount', ruleId: 'BR-27' }]);
  });

  it('an unknown county code, and a Bucharest city that is not a sector (BR-RO-111, BR-RO-100)', () => {
    const buyer = { ...good.buyer, address: { ...good.buyer.address, countrySubdivision: 'RO-XX' } };
    expect(problem({ ...good, buyer })).toEqual([{ field: 'buyer.address.countrySubdivision', ruleId: 'BR-RO-111' }]);
    const seller = { ...good.seller, address: { ...good.seller.address, city: 'București' } };
    expect(problem({ ...good, seller })).toEqual([{ field: 'seller.address.city', ruleId: 'BR-RO-100' }]);
  });

  it('a document in EUR without the VAT total in RON (BR-RO-030)', () => {
    expect(problem({ ...good, currency: 'EUR' })).toEqual([{ field: 'taxExchangeRate', ruleId: 'BR-RO-030' }]);
    expect(problem({ ...good, currency: 'EUR', taxCurrency: 'EUR', taxExchangeRate: '1' })).toEqual([
      { field: 'taxCurrency', ruleId: 'BR-RO-030' },
    ]);
  });

  it('totals given that do not add up (BR-CO-15)', () => {
    const complete = completeUblDocument(good);
    const totals = { ...complete.totals, taxInclusive: complete.totals.taxInclusive + 1n, payable: complete.totals.payable + 1n };
    expect(problem({ ...complete, totals })).toEqual([
      { field: 'totals.taxInclusive', ruleId: 'BR-CO-15' },
      { field: 'totals.payable', ruleId: 'BR-CO-16' },
    ]);
  });

  it('a VAT id without its country prefix (BR-CO-09)', () => {
    expect(problem({ ...good, buyer: { ...good.buyer, vatId: '14399840' } })).toEqual([
      { field: 'buyer.vatId', ruleId: 'BR-CO-09' },
    ]);
  });

  it('VAT rules per category: S needs a rate, O excludes VAT ids and other categories, E needs a reason, K needs delivery', () => {
    const line = good.lines[0];
    expect(problem({ ...good, lines: [{ ...line, vat: { category: 'S', rate: '0' } }] })).toEqual([
      { field: 'lines[0].vat.rate', ruleId: 'BR-S-05' },
    ]);
    expect(
      problem({
        ...good,
        lines: [
          { ...line, vat: { category: 'O' } },
          { ...line, id: '2' },
        ],
      }),
    ).toEqual([
      { field: 'lines', ruleId: 'BR-O-11' },
      { field: 'seller.vatId', ruleId: 'BR-O-02' },
      { field: 'buyer.vatId', ruleId: 'BR-O-02' },
    ]);
    expect(problem({ ...good, lines: [{ ...line, vat: { category: 'E', rate: '0' } }] })).toEqual([
      { field: 'vatExemptions', ruleId: 'BR-E-10' },
    ]);
    const foreign = { ...good.buyer, vatId: 'DE123456789', address: { street: 'Hauptstr. 1', city: 'Berlin', country: 'DE' } };
    expect(
      problem({ ...good, invoicePeriod: undefined, buyer: foreign, lines: [{ ...line, vat: { category: 'K', rate: '0' } }] }),
    ).toEqual([
      { field: 'delivery.date', ruleId: 'BR-IC-11' },
      { field: 'delivery.address.country', ruleId: 'BR-IC-12' },
    ]);
  });

  it('an amount due with neither a due date nor payment terms (BR-CO-25)', () => {
    expect(problem({ ...good, dueDate: undefined })).toEqual([{ field: 'dueDate', ruleId: 'BR-CO-25' }]);
  });

  it('lists every problem at once, each naming its field', () => {
    const error = rejection({ ...good, id: 'ABC', issueDate: '22.11.2026', lines: [] });
    expect(error.fields.map((f) => f.field)).toEqual(['id', 'issueDate', 'lines']);
    expect(error.message).toMatch(/^document rejected: id: must contain at least one digit \(BR-RO-010\); issueDate: /);
  });
});

describe('buildUblXml writes', () => {
  it('a credit note that references the invoice it corrects', () => {
    const xml = buildUblXml({
      ...sampleB2bInvoice(1),
      kind: 'creditNote',
      id: 'OBL-CN-2026-000007',
      dueDate: undefined,
      paymentTerms: 'Refund within 15 days',
      precedingInvoices: [{ id: 'OBL-2026-000123', issueDate: '2026-11-22' }],
    });
    expect(xml).toContain('<CreditNote xmlns="urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"');
    expect(xml).toContain('<cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>');
    expect(xml).toMatch(
      /<cac:BillingReference>\s*<cac:InvoiceDocumentReference>\s*<cbc:ID>OBL-2026-000123<\/cbc:ID>\s*<cbc:IssueDate>2026-11-22<\/cbc:IssueDate>/,
    );
    expect(xml).toMatch(
      /<cac:CreditNoteLine>\s*<cbc:ID>1<\/cbc:ID>\s*<cbc:CreditedQuantity unitCode="H87">1<\/cbc:CreditedQuantity>/,
    );
  });

  it('the VAT total in RON as well for an invoice in EUR (BT-6, BT-111)', () => {
    const xml = buildUblXml({ ...sampleB2bInvoice(1), currency: 'EUR', taxExchangeRate: '4.9750' });
    // 89.90 EUR at 21 % is 18.88 EUR of VAT; 18.88 x 4.9750 = 93.928 -> 93.93 RON.
    expect(xml).toContain('<cbc:TaxCurrencyCode>RON</cbc:TaxCurrencyCode>');
    expect(xml).toContain('<cbc:TaxAmount currencyID="EUR">18.88</cbc:TaxAmount>');
    expect(xml).toMatch(/<cac:TaxTotal>\s*<cbc:TaxAmount currencyID="RON">93.93<\/cbc:TaxAmount>\s*<\/cac:TaxTotal>/);
  });

  it('escapes text and keeps Romanian letters', () => {
    const document = sampleB2bInvoice(1);
    const xml = buildUblXml({ ...document, notes: ['Plată & <termen> "15 zile" — mulțumim, ăîșțâ'] });
    expect(xml).toContain('<cbc:Note>Plată &amp; &lt;termen&gt; "15 zile" — mulțumim, ăîșțâ</cbc:Note>');
  });
});
