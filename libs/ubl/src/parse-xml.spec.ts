import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { buildUblXml } from './build-xml';
import { completeUblDocument } from './complete-document';
import { formatCents } from './decimal';
import { UblMalformedXmlError } from './errors';
import { CIUS_RO_CUSTOMIZATION_ID } from './model';
import { parseUblXml } from './parse-xml';
import { ublDocumentDraft } from './test-support/ubl-document.arbitrary';
import { anafExamplePath, sampleB2bInvoice } from './test-support/sample-documents';

const anafExample = (name: string) => readFileSync(anafExamplePath(name), 'utf8');

describe('parseUblXml', () => {
  describe("ANAF's sample invoice", () => {
    const { document, issues } = parseUblXml(anafExample('eInvoice_ex.xml'));

    it('reads every part of it', () => {
      expect(issues).toEqual([]);
      expect(document).toMatchObject({
        kind: 'invoice',
        id: '6422451356',
        issueDate: '2022-05-31',
        dueDate: '2022-05-31',
        typeCode: '380',
        currency: 'RON',
        notes: ['some text for invoice note'],
        invoicePeriod: { end: '2022-05-31' },
        seller: {
          name: 'Seller SRL',
          vatId: 'RO1234567890',
          legalForm: 'J40/12345/1998',
          address: { street: 'line1', city: 'SECTOR1', postalCode: '013329', countrySubdivision: 'RO-B', country: 'RO' },
          contact: { email: 'mail@seller.com' },
        },
        buyer: {
          name: 'Buyer SRL',
          tradingName: 'Buyer name',
          identifier: { id: '123456' },
          vatId: 'RO987456123',
          legalRegistrationId: 'J02/321/2010',
          address: { city: 'ARAD', countrySubdivision: 'RO-AR' },
        },
        paymentMeans: [{ code: '31', payeeAccount: { id: 'RO80RNCB0067054355123456' } }],
      });
      expect(document.lines).toHaveLength(35);
      expect(document.lines[0]).toEqual({
        id: '1',
        quantity: '46396.67',
        unitCode: 'C62',
        netAmount: 33464138n,
        allowances: [{ amount: 80198n, reason: 'Discount', reasonCode: '95' }],
        charges: [{ amount: -1927248n, baseAmount: 35471584n, reason: 'Mutually defined', reasonCode: 'ZZZ' }],
        item: { name: 'item name', sellerItemId: '0102', classifications: [{ code: '03222000-3', listId: 'STI' }] },
        vat: { category: 'S', rate: '19.00' },
        price: { amount: '7.6453', baseQuantity: '1', baseQuantityUnitCode: 'C62' },
      });
      expect(document.vatBreakdown?.map((b) => [b.rate, formatCents(b.taxableAmount), formatCents(b.taxAmount)])).toEqual([
        ['5.00', '696.12', '34.79'],
        ['9.00', '22875.45', '2059.43'],
        ['19.00', '34718412.54', '6596498.38'],
      ]);
      expect(document.totals).toEqual({
        lineExtension: 3474198411n,
        taxExclusive: 3474198411n,
        taxTotal: 659859260n,
        taxInclusive: 4134057671n,
        payable: 4134057671n,
      });
    });

    it('builds back, with the current CustomizationID, into a document the builder accepts as is', () => {
      const rebuilt = parseUblXml(buildUblXml({ ...document, customizationId: CIUS_RO_CUSTOMIZATION_ID }));
      expect(rebuilt.issues).toEqual([]);
      expect(rebuilt.document).toEqual({ ...document, customizationId: CIUS_RO_CUSTOMIZATION_ID });
    });
  });

  describe("ANAF's sample credit note", () => {
    const { document, issues } = parseUblXml(anafExample('creditNote_ex.xml'));

    it('reads every part of it, the VAT total in RON included', () => {
      expect(issues).toEqual([]);
      expect(document).toEqual({
        kind: 'creditNote',
        customizationId: 'urn:cen.eu:en16931:2017#compliant#urn:efactura.mfinante.ro:CIUS-RO:1.0.0',
        id: '2018-112',
        issueDate: '2018-07-31',
        typeCode: '381',
        currency: 'SEK',
        taxCurrency: 'RON',
        buyerReference: 'ACE22',
        seller: {
          name: 'Säljbolaget AB',
          electronicAddress: { id: '1234512345', scheme: '0007' },
          vatId: 'SE123451234501',
          address: { street: 'line1', city: 'SECTOR1', postalCode: '013329', countrySubdivision: 'RO-B', country: 'RO' },
        },
        buyer: {
          name: 'Centrala Inköps Handelsbolag',
          electronicAddress: { id: '9876543210', scheme: '0007' },
          address: {
            street: 'BD DECEBAL NR 1 ET1',
            city: 'ARAD',
            postalCode: '123456',
            countrySubdivision: 'RO-AR',
            country: 'RO',
          },
        },
        lines: [
          {
            id: '1',
            quantity: '1',
            unitCode: 'MON',
            netAmount: 40000n,
            item: { name: 'Service fee' },
            vat: { category: 'S', rate: '25' },
            price: { amount: '400' },
          },
        ],
        vatBreakdown: [{ category: 'S', rate: '25', taxableAmount: 40000n, taxAmount: 10000n }],
        totals: {
          lineExtension: 40000n,
          taxExclusive: 40000n,
          taxTotal: 10000n,
          taxTotalInTaxCurrency: 24900n,
          taxInclusive: 50000n,
          payable: 50000n,
        },
      });
    });
  });

  describe('what real senders produce', () => {
    const built = buildUblXml(completeUblDocument(fc.sample(ublDocumentDraft, { numRuns: 1, seed: 7 })[0].draft));

    it('reads other namespace prefixes the same', () => {
      const renamed = built
        .replace(/xmlns:cac=/, 'xmlns:ns3=')
        .replace(/xmlns:cbc=/, 'xmlns:ns2=')
        .replace(/<(\/?)cac:/g, '<$1ns3:')
        .replace(/<(\/?)cbc:/g, '<$1ns2:')
        .replace('<Invoice xmlns=', '<ns4:Invoice xmlns:ns4=')
        .replace('</Invoice>', '</ns4:Invoice>')
        .replace('<CreditNote xmlns=', '<ns4:CreditNote xmlns:ns4=')
        .replace('</CreditNote>', '</ns4:CreditNote>');
      expect(renamed).toContain('<ns2:ID>');
      expect(parseUblXml(renamed)).toEqual(parseUblXml(built));
    });

    it('skips extensions and reports parts outside the model', () => {
      const extended = built
        .replace(
          /(<cbc:UBLVersionID>)/,
          '<ext:UBLExtensions xmlns:ext="urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2"><ext:UBLExtension><ext:ExtensionContent><x:Any xmlns:x="urn:x"><x:ID>9</x:ID></x:Any></ext:ExtensionContent></ext:UBLExtension></ext:UBLExtensions>$1',
        )
        .replace(/(<cac:AccountingSupplierParty>)/, '<cac:ProjectReference><cbc:ID>P1</cbc:ID></cac:ProjectReference>$1');
      const { document, issues } = parseUblXml(extended);
      expect(document).toEqual(parseUblXml(built).document);
      expect(issues).toEqual([{ field: 'ProjectReference', reason: 'not read: not part of the document model' }]);
    });

    it('reads a document with optional parts missing, and says what is missing', () => {
      const minimal = `<?xml version="1.0"?>
        <Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
                 xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"
                 xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2">
          <cbc:ID>F-1</cbc:ID><cbc:IssueDate>2026-11-02</cbc:IssueDate><cbc:DocumentCurrencyCode>RON</cbc:DocumentCurrencyCode>
          <cac:AccountingSupplierParty><cac:Party><cac:PartyLegalEntity><cbc:RegistrationName>Furnizor SRL</cbc:RegistrationName></cac:PartyLegalEntity></cac:Party></cac:AccountingSupplierParty>
          <cac:LegalMonetaryTotal><cbc:PayableAmount currencyID="RON">12.345</cbc:PayableAmount></cac:LegalMonetaryTotal>
          <cac:InvoiceLine><cbc:ID>1</cbc:ID><cbc:InvoicedQuantity unitCode="H87">2</cbc:InvoicedQuantity>
            <cac:Item><cbc:Name>Hârtie</cbc:Name></cac:Item><cac:Price><cbc:PriceAmount currencyID="RON">abc</cbc:PriceAmount></cac:Price></cac:InvoiceLine>
        </Invoice>`;
      const { document, issues } = parseUblXml(minimal);
      expect(document).toMatchObject({
        id: 'F-1',
        issueDate: '2026-11-02',
        seller: { name: 'Furnizor SRL' },
        buyer: {},
        totals: { payable: 1235n },
      });
      expect(issues.map((i) => i.field)).toEqual(
        expect.arrayContaining([
          'buyer',
          'totals.taxTotal',
          'totals.lineExtension',
          'totals.payable',
          'lines[0].netAmount',
          'lines[0].price.amount',
          'lines[0].vat.category',
        ]),
      );
    });

    it('never throws on well-formed XML, whatever part is missing', () => {
      const elements = [...built.matchAll(/<(cac|cbc):(\w+)[ >]/g)].map((m) => `${m[1]}:${m[2]}`);
      fc.assert(
        fc.property(fc.constantFrom(...new Set(elements)), fc.nat(), (element, which) => {
          // Removes one occurrence of an element (with its content) from the document.
          const pattern = new RegExp(`<${element}[ >][\\s\\S]*?</${element}>|<${element}[^>]*/>`, 'g');
          const matches = [...built.matchAll(pattern)];
          const match = matches[which % matches.length];
          const damaged = built.slice(0, match.index) + built.slice(match.index! + match[0].length);
          expect(() => parseUblXml(damaged)).not.toThrow();
        }),
        { numRuns: 200 },
      );
      expect(parseUblXml('<Order xmlns="urn:x"><ID>1</ID></Order>').issues[0]).toEqual({
        field: 'kind',
        reason: "root element 'Order' is neither Invoice nor CreditNote; read as an invoice",
      });
    });

    it('refuses text that is not well-formed XML with a typed error', () => {
      expect(() => parseUblXml('<Invoice><cbc:ID>1</Invoice>')).toThrow(UblMalformedXmlError);
    });

    it('refuses a DOCTYPE (DTD entities, an XML bomb) before reading anything, after a declaration or a comment too', () => {
      const bomb = `<!DOCTYPE Invoice [<!ENTITY a "${'x'.repeat(100_000)}">]>`;
      const withNote = buildUblXml(sampleB2bInvoice());
      for (const xml of [
        withNote
          .replace(/<\?xml[^>]*>/, (declaration) => `${declaration}\n${bomb}`)
          .replace(/<cbc:Note>[^<]*/, `<cbc:Note>${'&a;'.repeat(20_000)}`),
        `<!-- sent by a supplier -->\n<!doctype Invoice SYSTEM "file:///etc/passwd">${withNote.replace(/<\?xml[^>]*>/, '')}`,
      ]) {
        expect(() => parseUblXml(xml)).toThrow(UblMalformedXmlError);
        expect(() => parseUblXml(xml)).toThrow(/DOCTYPE declaration is refused/);
      }
      // The word in text is no declaration.
      expect(parseUblXml(withNote.replace(/<cbc:Note>[^<]*/, '<cbc:Note>&lt;!DOCTYPE x&gt;')).document.notes).toContain(
        '<!DOCTYPE x>',
      );
    });
  });
});
