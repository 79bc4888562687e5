import { buildUblXml } from '../build-xml';
import { completeUblDocument } from '../complete-document';
import { B2C_ANONYMOUS_BUYER_ID } from '../romania';
import { CIUS_RO_CUSTOMIZATION_ID, UblDocument } from '../model';
import { parseUblXml } from '../parse-xml';
import { CiusRoValidator } from './cius-ro-validator';

/** A Romanian seller's credit note against invoice OBRO-2026-000041, one line credited. */
function creditNote(overrides: Partial<UblDocument> = {}): UblDocument {
  return {
    kind: 'creditNote',
    id: 'OBRO-CN-2026-000007',
    issueDate: '2026-11-27',
    currency: 'RON',
    notes: ['Rambursare: abonament anulat'],
    precedingInvoices: [{ id: 'OBRO-2026-000041', issueDate: '2026-11-02' }],
    seller: {
      name: 'Obolus Software SRL',
      vatId: 'RO14040242',
      legalRegistrationId: 'J40/1234/2001',
      address: {
        street: 'Strada Victoriei 10',
        city: 'SECTOR1',
        postalCode: '010061',
        countrySubdivision: 'RO-B',
        country: 'RO',
      },
    },
    buyer: {
      name: 'Fabrica de Pâine Ștefănești SRL',
      vatId: 'RO12448440',
      address: { street: 'Bd. Ștefan cel Mare 1', city: 'Iași', countrySubdivision: 'RO-IS', country: 'RO' },
    },
    lines: [
      {
        id: '1',
        quantity: '2',
        unitCode: 'C62',
        item: { name: 'Premium (prepaid-1)' },
        vat: { category: 'S', rate: '21' },
        price: { amount: '49.00' },
      },
    ],
    ...overrides,
  };
}

const b2c = (): UblDocument =>
  creditNote({
    buyer: {
      name: 'Ion Popescu',
      legalRegistrationId: B2C_ANONYMOUS_BUYER_ID,
      address: { street: 'Str. Lalelelor 3', city: 'Cluj-Napoca', countrySubdivision: 'RO-CJ', country: 'RO' },
    },
  });

/** Reverse charge: a German business buying a service; the buyer accounts for the VAT (AE, VATEX-EU-AE). */
const reverseCharge = (): UblDocument =>
  creditNote({
    currency: 'EUR',
    taxExchangeRate: '4.9750',
    notes: ['Taxare inversă, art. 331 Cod fiscal / Reverse charge, art. 196 Directive 2006/112/EC'],
    buyer: {
      name: 'Bäckerei Schmidt GmbH',
      vatId: 'DE811907980',
      address: { street: 'Hauptstraße 5', city: 'Berlin', postalCode: '10115', country: 'DE' },
    },
    lines: [
      {
        id: '1',
        quantity: '1',
        unitCode: 'C62',
        item: { name: 'Premium (prepaid-12)' },
        vat: { category: 'AE', rate: '0' },
        price: { amount: '490.00' },
      },
    ],
  });

describe('credit notes (UBL 2.1 CreditNote, CIUS-RO) against the official rules', () => {
  let validator: CiusRoValidator;
  beforeAll(() => {
    validator = CiusRoValidator.create({ warmUp: true });
  }, 120_000);

  const fatal = async (xml: string) =>
    (await validator.validate(xml)).findings.filter((f) => f.severity === 'fatal').map((f) => f.ruleId);

  it('writes a CreditNote with type 381, credited quantities and the corrected invoice (BT-25, BT-26)', () => {
    const xml = buildUblXml(creditNote());
    expect(xml).toContain('<CreditNote xmlns="urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"');
    expect(xml).toContain(`<cbc:CustomizationID>${CIUS_RO_CUSTOMIZATION_ID}</cbc:CustomizationID>`);
    expect(xml).toContain('<cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>');
    expect(xml).toMatch(
      /<cac:BillingReference>\s*<cac:InvoiceDocumentReference>\s*<cbc:ID>OBRO-2026-000041<\/cbc:ID>\s*<cbc:IssueDate>2026-11-02<\/cbc:IssueDate>/,
    );
    expect(xml).toMatch(
      /<cac:CreditNoteLine>\s*<cbc:ID>1<\/cbc:ID>\s*<cbc:CreditedQuantity unitCode="C62">2<\/cbc:CreditedQuantity>/,
    );
    expect(xml).not.toContain('InvoiceLine');
    // 2 x 49.00 = 98.00, VAT 21 % = 20.58: the amounts credited, as positive figures.
    expect(xml).toContain('<cbc:PayableAmount currencyID="RON">118.58</cbc:PayableAmount>');
  });

  it.each([
    ['a domestic B2B credit note', creditNote],
    ['a B2C credit note (buyer without CNP)', b2c],
    ['a reverse-charge credit note in EUR to an EU business', reverseCharge],
  ])(
    '%s passes the CreditNote XSD and the CIUS-RO schematron with no fatal finding',
    async (_name, make) => {
      const xml = buildUblXml(make());
      const report = await validator.validate(xml);
      expect(report.findings.filter((f) => f.severity === 'fatal')).toEqual([]);
      expect(report.valid).toBe(true);
    },
    60_000,
  );

  it.each([
    ['domestic B2B', creditNote],
    ['B2C', b2c],
    ['reverse charge', reverseCharge],
  ])('%s: parse(build(d)) gives back the completed document, which builds the same XML', (_name, make) => {
    const completed = completeUblDocument(make());
    const xml = buildUblXml(completed);
    const { document, issues } = parseUblXml(xml);
    expect(issues).toEqual([]);
    expect(document).toEqual(completed);
    expect(buildUblXml(document)).toBe(xml);
  });

  it('the reverse-charge credit note carries AE with its exemption reason and the VAT total in RON', () => {
    const xml = buildUblXml(reverseCharge());
    expect(xml).toMatch(/<cbc:ID>AE<\/cbc:ID>\s*<cbc:Percent>0<\/cbc:Percent>\s*<cbc:TaxExemptionReasonCode>VATEX-EU-AE</);
    expect(xml).toContain('<cbc:TaxAmount currencyID="RON">0.00</cbc:TaxAmount>');
  });

  describe('the official rules reject', () => {
    it('a reference to the corrected invoice without its number (BT-25 missing: BR-55 and the XSD)', async () => {
      const xml = buildUblXml(creditNote()).replace(
        /(<cac:InvoiceDocumentReference>)\s*<cbc:ID>OBRO-2026-000041<\/cbc:ID>/,
        '$1',
      );
      const rules = await fatal(xml);
      expect(rules).toContain('BR-55');
      expect(rules).toContain('UBL-XSD');
    }, 60_000);

    it('a credit note typed as an invoice (380 is not a credit note code: BR-CL-01, BR-RO-020)', async () => {
      const xml = buildUblXml(creditNote()).replace(
        '<cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>',
        '<cbc:CreditNoteTypeCode>380</cbc:CreditNoteTypeCode>',
      );
      expect(await fatal(xml)).toEqual(expect.arrayContaining(['BR-CL-01', 'BR-RO-020_2']));
    }, 60_000);

    it('a credit note with invoice lines (the Invoice element in a CreditNote: the XSD)', async () => {
      const xml = buildUblXml(creditNote())
        .replace(/<cac:CreditNoteLine>/g, '<cac:InvoiceLine>')
        .replace(/<\/cac:CreditNoteLine>/g, '</cac:InvoiceLine>')
        .replace(/CreditedQuantity/g, 'InvoicedQuantity');
      expect(await fatal(xml)).toContain('UBL-XSD');
    }, 60_000);
  });
});
