import { readFileSync } from 'node:fs';
import { buildUblXml } from '../build-xml';
import { CIUS_RO_CUSTOMIZATION_ID, UblDocument } from '../model';
import { parseUblXml } from '../parse-xml';
import { anafExamplePath, sampleB2bInvoice } from '../test-support/sample-documents';
import { CiusRoValidator } from './cius-ro-validator';

const anafExample = (name: string) => readFileSync(anafExamplePath(name), 'utf8');

describe('CiusRoValidator with the official artefacts', () => {
  // One validator for the file: the schemas are read once and the SEF is loaded once.
  let validator: CiusRoValidator;
  beforeAll(() => {
    validator = CiusRoValidator.create({ warmUp: true });
  }, 120_000);

  const fatalRuleIds = async (xml: string) => {
    const report = await validator.validate(xml);
    return [...new Set(report.findings.filter((f) => f.severity === 'fatal').map((f) => f.ruleId))].sort();
  };

  it("fails ANAF's 2022 samples on their old CustomizationID only (BR-RO-001)", async () => {
    const [invoice, creditNote] = await validator.validateMany([
      anafExample('eInvoice_ex.xml'),
      anafExample('creditNote_ex.xml'),
    ]);
    expect(invoice.valid).toBe(false);
    expect(invoice.findings.map((f) => [f.ruleId, f.severity, f.location])).toEqual([['BR-RO-001', 'fatal', '/Invoice[1]']]);
    expect(invoice.findings[0].message).toContain('CIUS-RO:1.0.1');
    expect(creditNote.findings.map((f) => f.ruleId)).toEqual(['BR-RO-001']);
  }, 60_000);

  it.each(['eInvoice_ex.xml', 'creditNote_ex.xml'])(
    'validates build(parse(%s)) clean once the CustomizationID is current',
    async (name) => {
      const { document, issues } = parseUblXml(anafExample(name));
      expect(issues).toEqual([]);
      const report = await validator.validate(buildUblXml({ ...document, customizationId: CIUS_RO_CUSTOMIZATION_ID }));
      expect(report).toEqual({ valid: true, findings: [] });
    },
    60_000,
  );

  it('accepts a typical Obolus invoice', async () => {
    expect(await validator.validate(buildUblXml(sampleB2bInvoice()))).toEqual({ valid: true, findings: [] });
  }, 60_000);

  describe('known-bad documents are rejected with the right rule', () => {
    const good = buildUblXml(sampleB2bInvoice());
    const euro: UblDocument = { ...sampleB2bInvoice(), currency: 'EUR', taxExchangeRate: '4.9750' };
    const goodEuro = buildUblXml(euro);

    it('BR-RO-001: an old CustomizationID', async () => {
      expect(await fatalRuleIds(good.replace(CIUS_RO_CUSTOMIZATION_ID, 'urn:cen.eu:en16931:2017'))).toEqual(['BR-RO-001']);
    }, 60_000);

    it('BR-RO-030: an invoice in EUR without the VAT currency RON', async () => {
      expect(goodEuro).toContain('<cbc:TaxCurrencyCode>RON</cbc:TaxCurrencyCode>');
      const withoutRon = goodEuro
        .replace(/\s*<cbc:TaxCurrencyCode>RON<\/cbc:TaxCurrencyCode>/, '')
        .replace(/\s*<cac:TaxTotal>\s*<cbc:TaxAmount currencyID="RON">[^<]*<\/cbc:TaxAmount>\s*<\/cac:TaxTotal>/, '');
      expect(await fatalRuleIds(withoutRon)).toEqual(['BR-RO-030']);
    }, 60_000);

    it('BR-27: a negative net price', async () => {
      const negative = good.replace(/<cbc:PriceAmount currencyID="RON">/, '<cbc:PriceAmount currencyID="RON">-');
      expect(await fatalRuleIds(negative)).toContain('BR-27');
    }, 60_000);

    it('BR-CO-15: a total with VAT that is not the total without VAT plus the VAT', async () => {
      const wrong = good
        .replace(/<cbc:TaxInclusiveAmount currencyID="RON">([^<]*)</, '<cbc:TaxInclusiveAmount currencyID="RON">1.00<')
        .replace(/<cbc:PayableAmount currencyID="RON">([^<]*)</, '<cbc:PayableAmount currencyID="RON">1.00<');
      expect(await fatalRuleIds(wrong)).toEqual(['BR-CO-15']);
    }, 60_000);

    it('BR-RO-111 and BR-RO-100: an unknown county, and a Bucharest address without a sector', async () => {
      const county = good.replace(
        '<cbc:CountrySubentity>RO-CJ</cbc:CountrySubentity>',
        '<cbc:CountrySubentity>RO-XX</cbc:CountrySubentity>',
      );
      expect(await fatalRuleIds(county)).toEqual(['BR-RO-111']);
      const sector = good.replace('<cbc:CityName>SECTOR1</cbc:CityName>', '<cbc:CityName>Bucuresti</cbc:CityName>');
      expect(await fatalRuleIds(sector)).toEqual(['BR-RO-100']);
    }, 60_000);

    it('BR-RO-120: a buyer without any id', async () => {
      const anonymous = good.replace(
        /(<cac:AccountingCustomerParty>[\s\S]*?)<cac:PartyTaxScheme>[\s\S]*?<\/cac:PartyTaxScheme>/,
        '$1',
      );
      expect(await fatalRuleIds(anonymous)).toEqual(['BR-RO-120']);
    }, 60_000);

    it('UBL-XSD: elements out of the schema order, with the line', async () => {
      const disordered = good.replace(
        /(\s*<cbc:DueDate>[^<]*<\/cbc:DueDate>)(\s*<cbc:InvoiceTypeCode>[^<]*<\/cbc:InvoiceTypeCode>)/,
        '$2$1',
      );
      const report = await validator.validate(disordered);
      const schemaFindings = report.findings.filter((f) => f.ruleId === 'UBL-XSD');
      expect(report.valid).toBe(false);
      expect(schemaFindings[0]).toMatchObject({ severity: 'fatal', location: expect.stringMatching(/^line \d+$/) });
      expect(schemaFindings[0].message).toContain('DueDate');
    }, 60_000);

    it('XML-WELL-FORMED: text that is not XML', async () => {
      expect(await validator.validate('<Invoice><cbc:ID>1</Invoice>')).toMatchObject({
        valid: false,
        findings: [{ ruleId: 'XML-WELL-FORMED', severity: 'fatal' }],
      });
    });
  });
});
