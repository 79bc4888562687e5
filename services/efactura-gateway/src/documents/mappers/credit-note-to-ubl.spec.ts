import { buildUblXml, CiusRoValidator } from '@obolus/ubl';
import { issuedRomanianCreditNote } from '../test-support/issued-credit-note';
import { creditNoteToUbl } from './credit-note-to-ubl';

describe('creditNoteToUbl', () => {
  const validator = CiusRoValidator.create();
  const fatal = async (xml: string) => (await validator.validate(xml)).findings.filter((f) => f.severity === 'fatal');

  it('builds a CreditNote 381 naming the invoice it corrects, which the official CreditNote rules accept', async () => {
    const xml = buildUblXml(creditNoteToUbl(issuedRomanianCreditNote()));
    expect(await fatal(xml)).toEqual([]);
    expect(xml).toContain('<CreditNote xmlns="urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"');
    expect(xml).toContain('<cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>');
    expect(xml).toMatch(
      /<cac:InvoiceDocumentReference>\s*<cbc:ID>OBRO-2026-000001<\/cbc:ID>\s*<cbc:IssueDate>2026-11-22<\/cbc:IssueDate>/,
    );
    expect(xml).toContain('<cbc:CreditedQuantity unitCode="C62">2</cbc:CreditedQuantity>');
    expect(xml).toContain('<cbc:Note>Rambursare: abonament anulat în perioada de retragere</cbc:Note>');
    // Refunded already: 118.58 credited, paid back, nothing more due.
    expect(xml).toContain('<cbc:PrepaidAmount currencyID="RON">118.58</cbc:PrepaidAmount>');
    expect(xml).toContain('<cbc:PayableAmount currencyID="RON">0.00</cbc:PayableAmount>');
  }, 60_000);

  it('gives payment terms to an amount still owed to the buyer (BR-CO-25), and a B2C buyer 13 zeros', async () => {
    const creditNote = issuedRomanianCreditNote();
    creditNote.totals = { ...creditNote.totals, paidMinor: 0, payableMinor: creditNote.totals.grossMinor };
    creditNote.buyer = { legalName: 'Ion Popescu', buyerType: 'individual', address: creditNote.buyer.address };
    const xml = buildUblXml(creditNoteToUbl(creditNote));
    expect(await fatal(xml)).toEqual([]);
    expect(xml).toContain('<cbc:PayableAmount currencyID="RON">118.58</cbc:PayableAmount>');
    expect(xml).toMatch(/<cac:PaymentTerms>\s*<cbc:Note>/);
    expect(xml).toContain('<cbc:CompanyID>0000000000000</cbc:CompanyID>');
  }, 60_000);

  it('reverse charge to an EU business in EUR: AE with the exemption reason the breakdown gives, and 0 RON of VAT', async () => {
    const creditNote = issuedRomanianCreditNote();
    creditNote.currency = 'EUR';
    creditNote.buyer = {
      legalName: 'Bäckerei Schmidt GmbH',
      buyerType: 'business',
      vatId: 'DE811907980',
      address: { line1: 'Hauptstraße 5', city: 'Berlin', postalCode: '10115', country: 'DE' },
    };
    creditNote.lines = [{ ...creditNote.lines[0]!, vatCategory: 'AE', vatRateBasisPoints: 0 }];
    creditNote.vatBreakdown = [
      {
        vatCategory: 'AE',
        vatRateBasisPoints: 0,
        taxableMinor: 9800,
        taxMinor: 0,
        exemptionReasonCode: 'VATEX-EU-AE',
        exemptionReason: 'Taxare inversă',
      },
    ];
    creditNote.totals = { netMinor: 9800, vatMinor: 0, grossMinor: 9800, paidMinor: 9800, payableMinor: 0 };
    creditNote.legalMention = 'Taxare inversă (art. 331 Cod fiscal)';
    // No VAT: its RON total is 0 whatever the rate (BR-RO-030), so no exchange rate is needed.
    const xml = buildUblXml(creditNoteToUbl(creditNote));
    expect(await fatal(xml)).toEqual([]);
    expect(xml).toContain('<cbc:TaxExemptionReason>Taxare inversă</cbc:TaxExemptionReason>');
    expect(xml).toMatch(/<cac:TaxTotal>\s*<cbc:TaxAmount currencyID="RON">0.00<\/cbc:TaxAmount>\s*<\/cac:TaxTotal>/);
  }, 60_000);

  it('keeps a long reason within the 300 characters of a note (BR-RO-L300)', () => {
    const creditNote = { ...issuedRomanianCreditNote(), reasonText: 'x'.repeat(500) };
    const [reason] = creditNoteToUbl(creditNote).notes!;
    expect(reason).toHaveLength(300);
  });
});
