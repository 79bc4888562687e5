import { readFileSync } from 'node:fs';
import { buildUblXml } from '../build-xml';
import { CIUS_RO_CUSTOMIZATION_ID, UblDocument } from '../model';
import { anafExamplePath, sampleB2bInvoice } from '../test-support/sample-documents';
import { CiusRoSchematron } from './cius-ro-schematron';
import { CiusRoValidator } from './cius-ro-validator';

const anafExample = (name: string) => readFileSync(anafExamplePath(name), 'utf8');

/** Valid and invalid documents, each kind of finding represented: XSD, schematron fatal and warning, not XML. */
function documents(): Array<[string, string]> {
  const good = buildUblXml(sampleB2bInvoice(7));
  const euro: UblDocument = { ...sampleB2bInvoice(3), currency: 'EUR', taxExchangeRate: '4.9750' };
  return [
    ['ANAF sample invoice (old CustomizationID)', anafExample('eInvoice_ex.xml')],
    ['ANAF sample credit note (old CustomizationID)', anafExample('creditNote_ex.xml')],
    ['typical invoice, 7 lines', good],
    ['typical invoice, 1 line', buildUblXml(sampleB2bInvoice(1))],
    ['invoice in EUR', buildUblXml(euro)],
    ['old CustomizationID', good.replace(CIUS_RO_CUSTOMIZATION_ID, 'urn:cen.eu:en16931:2017')],
    ['negative net price', good.replace(/<cbc:PriceAmount currencyID="RON">/, '<cbc:PriceAmount currencyID="RON">-')],
    [
      'wrong totals',
      good
        .replace(/<cbc:TaxInclusiveAmount currencyID="RON">([^<]*)</, '<cbc:TaxInclusiveAmount currencyID="RON">1.00<')
        .replace(/<cbc:PayableAmount currencyID="RON">([^<]*)</, '<cbc:PayableAmount currencyID="RON">1.00<'),
    ],
    [
      'unknown county',
      good.replace('<cbc:CountrySubentity>RO-CJ</cbc:CountrySubentity>', '<cbc:CountrySubentity>RO-XX</cbc:CountrySubentity>'),
    ],
    [
      'Bucharest without a sector',
      good.replace('<cbc:CityName>SECTOR1</cbc:CityName>', '<cbc:CityName>Bucuresti</cbc:CityName>'),
    ],
    [
      'buyer without any id',
      good.replace(/(<cac:AccountingCustomerParty>[\s\S]*?)<cac:PartyTaxScheme>[\s\S]*?<\/cac:PartyTaxScheme>/, '$1'),
    ],
    [
      'elements out of schema order',
      good.replace(/(\s*<cbc:DueDate>[^<]*<\/cbc:DueDate>)(\s*<cbc:InvoiceTypeCode>[^<]*<\/cbc:InvoiceTypeCode>)/, '$2$1'),
    ],
    [
      'impossible dates',
      good.replace(/<cbc:IssueDate>[^<]*</, '<cbc:IssueDate>2026-13-45<').replace(/<cbc:DueDate>[^<]*</, '<cbc:DueDate>soon<'),
    ],
    [
      'not a number as an amount',
      good.replace(/<cbc:PayableAmount currencyID="RON">[^<]*</, '<cbc:PayableAmount currencyID="RON">a lot<'),
    ],
    ['a rule-level warning (empty optional note)', good.replace(/<cbc:Note>[^<]*<\/cbc:Note>/, '<cbc:Note>   </cbc:Note>')],
    ['not XML', '<Invoice><cbc:ID>1</Invoice>'],
    ['not UBL', '<html xmlns="http://www.w3.org/1999/xhtml"><body>invoice</body></html>'],
  ];
}

describe('the batched schematron gives the reports of the per-document path', () => {
  let batched: CiusRoValidator;
  let perDocument: CiusRoValidator;
  beforeAll(() => {
    batched = CiusRoValidator.create({ warmUp: true });
    perDocument = CiusRoValidator.create({ warmUp: true, schematron: 'per-document' });
  }, 120_000);

  it('identical reports, finding by finding, on valid and invalid documents validated together', async () => {
    const cases = documents();
    const xmls = cases.map(([, xml]) => xml);
    const [fast, reference] = [await batched.validateMany(xmls), await perDocument.validateMany(xmls)];
    cases.forEach(([name], i) => expect({ name, report: fast[i] }).toEqual({ name, report: reference[i] }));

    // The set is worth comparing: clean documents, fatal schematron and XSD findings, warnings.
    const valid = reference.filter((r) => r.valid).length;
    expect(valid).toBeGreaterThanOrEqual(3);
    expect(reference.length - valid).toBeGreaterThanOrEqual(10);
    const findings = reference.flatMap((r) => r.findings);
    expect(findings.some((f) => f.ruleId === 'UBL-XSD')).toBe(true);
    expect(findings.some((f) => f.ruleId.startsWith('BR-RO-') && f.severity === 'fatal')).toBe(true);
    expect(findings.some((f) => f.ruleId.startsWith('BR-CO-') && f.severity === 'fatal')).toBe(true);
  }, 240_000);

  it('identical reports when each document is validated alone, and in another order', async () => {
    const cases = documents().reverse();
    for (const [name, xml] of cases.slice(0, 6)) {
      expect({ name, report: await batched.validate(xml) }).toEqual({ name, report: await perDocument.validate(xml) });
    }
    const xmls = cases.map(([, xml]) => xml);
    expect(await batched.validateMany(xmls)).toEqual(await perDocument.validateMany(xmls));
  }, 240_000);

  it('the SVRL read from the tree equals the SVRL serialized and parsed, document by document', () => {
    const schematron = CiusRoSchematron.load();
    const xmls = documents()
      .map(([, xml]) => xml)
      .slice(0, 11);
    expect(schematron.checkMany(xmls)).toEqual(xmls.map((xml) => schematron.check(xml)));
  }, 240_000);
});
