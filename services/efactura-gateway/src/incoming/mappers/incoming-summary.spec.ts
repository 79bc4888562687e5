// eslint-disable-next-line @nx/enforce-module-boundaries -- the sandbox writes supplier invoices as other companies do
import { supplierInvoiceXml } from '@obolus/anaf-sandbox';
import { incomingSummary } from './incoming-summary';

describe('incomingSummary', () => {
  it("reads a supplier's CIUS-RO invoice: supplier, number, dates, currency, payable in minor units", () => {
    const summary = incomingSummary(
      supplierInvoiceXml({ supplierCif: '18547290', buyerCif: '14040242', number: 'FURN-77', issueDate: '2026-11-20' }),
    );
    expect(summary).toMatchObject({
      supplierCif: '18547290',
      number: 'FURN-77',
      issueDate: '2026-11-20',
      currency: 'RON',
      payableMinor: expect.any(BigInt),
      parseError: null,
    });
    expect(summary.parsed).toMatchObject({ document: expect.objectContaining({ id: 'FURN-77', lines: expect.any(Array) }) });
  });

  it('keeps what it cannot read as a parse error: not well-formed, not UBL', () => {
    expect(incomingSummary('<Invoice><broken></Invoice>')).toMatchObject({
      parsed: null,
      parseError: expect.stringMatching(/^not well-formed XML/),
    });
    expect(incomingSummary('<Order xmlns="urn:x"><ID>1</ID></Order>')).toMatchObject({
      parsed: null,
      parseError: expect.stringMatching(/^not a UBL invoice/),
    });
  });

  it('contains an XML bomb: entities are not expanded, the invoice is read as written', () => {
    const entities =
      '<!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">' +
      Array.from(
        { length: 8 },
        (_, i) => `<!ENTITY ${String.fromCharCode(98 + i)} "${`&${String.fromCharCode(97 + i)};`.repeat(10)}">`,
      ).join('');
    const xml = supplierInvoiceXml({ supplierCif: '18547290', buyerCif: '14040242', number: 'BOMB-1' })
      .replace(/<\?xml[^>]*>/, (declaration) => `${declaration}<!DOCTYPE Invoice [${entities}]>`)
      .replace('BOMB-1', '&i;');
    const started = Date.now();
    const summary = incomingSummary(xml);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(summary.number === null || summary.number.length < 100).toBe(true);
  });

  it('refuses a DOCTYPE before any entity is expanded: one 100 kB entity referenced 20,000 times is no 2 GB string', () => {
    const xml = supplierInvoiceXml({ supplierCif: '18547290', buyerCif: '14040242', number: 'BOMB-2' })
      .replace(/<\?xml[^>]*>/, (declaration) => `${declaration}<!DOCTYPE Invoice [<!ENTITY a "${'x'.repeat(100_000)}">]>`)
      .replace('BOMB-2', '&a;'.repeat(20_000));
    const started = Date.now();
    expect(incomingSummary(xml)).toMatchObject({
      number: null,
      parsed: null,
      parseError:
        'not well-formed XML: a DOCTYPE declaration is refused: UBL documents have none, and its entities are not expanded',
    });
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
