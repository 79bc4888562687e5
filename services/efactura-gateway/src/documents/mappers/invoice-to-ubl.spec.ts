import { buildUblXml, CiusRoValidator } from '@obolus/ubl';
import { issuedRomanianInvoice as issuedInvoice } from '@obolus/testing';
import { invoiceToUbl } from './invoice-to-ubl';

const issued = issuedInvoice();

describe('invoiceToUbl', () => {
  const validator = CiusRoValidator.create();

  it('builds a CIUS-RO invoice for a Romanian company (CUI, county, 21% VAT) that the official rules accept', async () => {
    const xml = buildUblXml(invoiceToUbl(issued));
    const report = await validator.validate(xml);
    expect(report.findings.filter((f) => f.severity === 'fatal')).toEqual([]);
    expect(xml).toContain('<cbc:ID>OBRO-2026-000001</cbc:ID>');
    expect(xml).toContain('<cbc:TaxAmount currencyID="RON">20.58</cbc:TaxAmount>');
    expect(xml).toContain('<cbc:PayableAmount currencyID="RON">0.00</cbc:PayableAmount>');
  }, 60_000);

  it('identifies a Romanian person without a CNP by 13 zeros (B2C)', async () => {
    const b2c = {
      ...issued,
      buyer: {
        legalName: 'Ion Popescu',
        buyerType: 'individual' as const,
        address: { line1: 'Str. Lalelelor 3', city: 'SECTOR3', countrySubdivision: 'RO-B', country: 'RO' },
      },
    };
    const xml = buildUblXml(invoiceToUbl(b2c));
    expect(xml).toContain('0000000000000');
    expect((await validator.validate(xml)).valid).toBe(true);
  }, 60_000);

  it('gives a reverse-charge invoice in EUR its VAT total of 0 RON as well (BR-RO-030), with no exchange rate needed', async () => {
    const reverseCharge = {
      ...issued,
      currency: 'EUR',
      buyer: {
        legalName: 'Bäckerei Schmidt GmbH',
        buyerType: 'business' as const,
        vatId: 'DE811907980',
        address: { line1: 'Hauptstraße 5', city: 'Berlin', country: 'DE' },
      },
      lines: [{ ...issued.lines[0]!, vatCategory: 'AE', vatRateBasisPoints: 0 }],
      vatBreakdown: [{ vatCategory: 'AE', vatRateBasisPoints: 0, taxableMinor: 9800, taxMinor: 0 }],
      totals: { netMinor: 9800, vatMinor: 0, grossMinor: 9800, paidMinor: 9800, payableMinor: 0 },
    };
    const xml = buildUblXml(invoiceToUbl(reverseCharge));
    expect((await validator.validate(xml)).findings.filter((f) => f.severity === 'fatal')).toEqual([]);
    expect(xml).toContain('<cbc:TaxAmount currencyID="RON">0.00</cbc:TaxAmount>');
  }, 60_000);
});
