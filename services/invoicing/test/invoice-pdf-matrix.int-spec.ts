import { Locale } from '@obolus/contracts';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { activationToDraft } from '../src/invoices/mappers/activation-to-draft';
import { InvoiceParty } from '../src/invoices/mappers/seller-party';
import { draftToInvoice, InvoiceContent } from '../src/invoices/mappers/draft-to-invoice';
import { CreditNotePdfContent } from '../src/invoices/pdf/credit-note-pdf';
import { InvoicePdfRenderer } from '../src/invoices/pdf/invoice-pdf-renderer';
import { formatAmount } from '../src/invoices/pdf/locale-format';
import { SellerRegistry } from '../src/sellers/seller-registry';

/**
 * I5: every language × VAT case, priced by the real pipeline (seller registry, VAT quote, EN 16931 rounding,
 * draft to invoice), rendered to PDF, drawn to PNG by pdftoppm for a human to look at, and read back by
 * pdftotext: every required mention is on the page, and every figure of the JSON is there to the cent.
 * The PDFs and PNGs stay in .data/test-artefacts/pdf/.
 */
const ARTEFACTS = join(__dirname, '../../../.data/test-artefacts/pdf');
const sellers = new SellerRegistry();
const renderer = new InvoicePdfRenderer();

type VatCase = 'domestic' | 'reverse-charge' | 'oss' | 'export';

const BUYERS: Record<'FR' | 'RO' | 'DE-business' | 'DE-individual' | 'US', { party: InvoiceParty; vatIdVerified: boolean }> = {
  FR: {
    party: {
      legalName: 'Boulangerie Martin SARL',
      buyerType: 'business',
      vatId: 'FR40303265045',
      companyId: '303265045',
      address: { line1: '3 place du Marché', city: 'Lyon', postalCode: '69002', country: 'FR' },
    },
    vatIdVerified: true,
  },
  RO: {
    party: {
      legalName: 'Fabrica de Pâine Ștefănești SRL',
      buyerType: 'business',
      vatId: 'RO12448440',
      companyId: '12448440',
      tradeRegisterNumber: 'J22/987/1999',
      address: { line1: 'Bd. Ștefan cel Mare 1', city: 'Iași', countrySubdivision: 'RO-IS', country: 'RO' },
    },
    vatIdVerified: true,
  },
  'DE-business': {
    party: {
      legalName: 'Bäckerei Müller GmbH',
      buyerType: 'business',
      vatId: 'DE811907980',
      address: { line1: 'Hauptstraße 5', city: 'Berlin', postalCode: '10115', country: 'DE' },
    },
    vatIdVerified: true,
  },
  'DE-individual': {
    party: {
      legalName: 'Jana Schmidt',
      buyerType: 'individual',
      address: { line1: 'Gartenweg 2', city: 'München', postalCode: '80331', country: 'DE' },
    },
    vatIdVerified: false,
  },
  US: {
    party: {
      legalName: 'Acme Bakeries Inc.',
      buyerType: 'business',
      address: { line1: '100 Main Street', city: 'Springfield', postalCode: '62701', country: 'US' },
    },
    vatIdVerified: false,
  },
};

const buyerOf = (sellerCountry: 'FR' | 'RO', vatCase: VatCase) =>
  ({ domestic: BUYERS[sellerCountry], 'reverse-charge': BUYERS['DE-business'], oss: BUYERS['DE-individual'], export: BUYERS.US })[
    vatCase
  ];

/** An invoice as issuing makes it: priced from a subscription's lines, paid by card, numbered on 22 November 2026. */
function issuedInvoice(locale: Locale, sellerCountry: 'FR' | 'RO', vatCase: VatCase): InvoiceContent {
  const catalog = sellerCountry === 'FR' ? 'fr-crm' : 'ro-crm';
  const seller = sellers.forCatalog(catalog);
  const currency = sellerCountry === 'FR' ? 'EUR' : 'RON';
  const { party, vatIdVerified } = buyerOf(sellerCountry, vatCase);
  const draft = activationToDraft(
    {
      accountId: '0b9f3a8e-5a0f-4b5e-9d5e-0c6f1c1e2a11',
      subscriptionId: '4b9f3a8e-5a0f-4b5e-9d5e-0c6f1c1e2a11',
      catalog,
      sellerEntity: seller.code,
      currency,
      paymentMethod: 'card',
      // Quantities and prices whose totals need thousands separators and cents.
      lines: [
        { code: 'premium', description: 'Premium, 12 seats (monthly)', quantity: 12, unitPriceMinor: 10_287 },
        { code: 'storage', description: 'Extra storage 100 GB', quantity: 1, unitPriceMinor: 999 },
      ],
      activatedAt: '2026-11-20T09:00:00.000Z',
      eventId: `evt-${locale}-${sellerCountry}-${vatCase}`,
    },
    { seller, buyer: party, locale, taxPointDate: '2026-11-20', vatIdVerified },
    '3b9f3a8e-5a0f-4b5e-9d5e-0c6f1c1e2a11',
    new Date('2026-11-20T09:00:00.000Z'),
  );
  const series = `${seller.seriesPrefix}-2026`;
  return draftToInvoice(
    draft,
    {
      paymentId: '2b9f3a8e-5a0f-4b5e-9d5e-0c6f1c1e2a11',
      amountMinor: draft.totals.grossMinor,
      paymentMethod: 'card',
      providerPaymentId: 'pi_1',
    },
    '1b9f3a8e-5a0f-4b5e-9d5e-0c6f1c1e2a11',
    { series, sequenceNumber: 42, number: `${series}-000042`, issueDate: '2026-11-22' },
    seller.paymentTermDays,
  );
}

/** A refund of the storage line of an invoice, as a credit note of the seller's own series. */
function creditNoteOf(invoice: InvoiceContent): CreditNotePdfContent {
  const line = invoice.lines[1]!;
  const vatMinor = Math.round((line.netMinor * line.vatRateBasisPoints) / 10_000);
  const series = `${invoice.series.split('-')[0]}-AV-2026`;
  return {
    accountId: invoice.accountId,
    creditNoteId: '5b9f3a8e-5a0f-4b5e-9d5e-0c6f1c1e2a11',
    number: `${series}-000003`,
    series,
    catalog: invoice.catalog,
    invoiceId: invoice.invoiceId,
    invoiceNumber: invoice.number,
    invoiceIssueDate: invoice.issueDate,
    reason: 'refund',
    reasonText: 'Storage not used',
    issueDate: '2026-11-27',
    currency: invoice.currency,
    locale: invoice.locale,
    seller: invoice.seller,
    buyer: invoice.buyer,
    lines: [line],
    vatBreakdown: [
      {
        vatCategory: line.vatCategory,
        vatRateBasisPoints: line.vatRateBasisPoints,
        taxableMinor: line.netMinor,
        taxMinor: vatMinor,
      },
    ],
    totals: { netMinor: line.netMinor, vatMinor, grossMinor: line.netMinor + vatMinor, paidMinor: 0, payableMinor: 0 },
  };
}

/** Writes the PDF and its PNG pages into the artefacts, and returns the page's text as pdftotext lays it out. */
function toArtefacts(name: string, pdf: Buffer): { text: string; flat: string } {
  const pdfPath = join(ARTEFACTS, `${name}.pdf`);
  writeFileSync(pdfPath, pdf);
  execFileSync('pdftoppm', ['-png', '-r', '50', pdfPath, join(ARTEFACTS, name)]);
  const pngs = readdirSync(ARTEFACTS).filter((file) => file.startsWith(`${name}-`) && file.endsWith('.png'));
  expect(pngs.length).toBeGreaterThanOrEqual(1);
  for (const png of pngs) expect(statSync(join(ARTEFACTS, png)).size).toBeGreaterThan(1000);
  const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' }).replace(
    /[\u00a0\u202f]/g,
    ' ',
  );
  writeFileSync(join(ARTEFACTS, `${name}.txt`), text);
  // Sentences wrap over lines: read them with every run of white space as one space.
  return { text, flat: text.replace(/\s+/g, ' ') };
}

const oneSpace = (s: string) => s.replace(/[\u00a0\u202f\s]+/g, ' ');

/**
 * An amount read back from the page with the locale's own rules, written here apart from the renderer's
 * Intl formatting: French groups with spaces and writes a decimal comma, Romanian groups with dots,
 * English groups with commas and writes a decimal point.
 */
function minorUnitsOnLine(text: string, label: string, locale: Locale): number {
  // The label, then the column gap: "Total" is not "Total net".
  const line = text.split('\n').find((l) => l.trim().startsWith(label) && /^\s{2,}/.test(l.trim().slice(label.length)));
  if (!line) throw new Error(`no line starts with "${label}"`);
  const figure = line.slice(line.indexOf(label) + label.length).replace(/[^\d.,]/g, '');
  const [units, cents] =
    locale === 'en'
      ? [figure.split('.')[0]!.replace(/,/g, ''), figure.split('.')[1]]
      : [figure.split(',')[0]!.replace(/\./g, ''), figure.split(',')[1]];
  expect(cents).toMatch(/^\d{2}$/);
  return Number(units) * 100 + Number(cents);
}

const DATES: Record<Locale, { issue: string; due: string; taxPoint: string }> = {
  fr: { issue: '22/11/2026', due: '22/12/2026', taxPoint: '20/11/2026' },
  ro: { issue: '22.11.2026', due: '22.12.2026', taxPoint: '20.11.2026' },
  en: { issue: '22 Nov 2026', due: '22 Dec 2026', taxPoint: '20 Nov 2026' },
};

const TOTAL_LABELS: Record<Locale, { net: string; vat: string; gross: string; credited: string }> = {
  fr: { net: 'Total HT', vat: 'Total TVA', gross: 'Total TTC', credited: "Total de l'avoir TTC" },
  ro: { net: 'Total fără TVA', vat: 'Total TVA', gross: 'Total cu TVA', credited: 'Total stornat cu TVA' },
  en: { net: 'Total net', vat: 'Total VAT', gross: 'Total', credited: 'Total credited' },
};

/** The words each case must print, in each language, whatever the seller. */
const CASE_WORDS: Record<Locale, Record<VatCase, string[]>> = {
  fr: {
    domestic: ['Taux normal'],
    'reverse-charge': ['Autoliquidation', 'article 196 de la directive 2006/112/CE'],
    oss: ['Taux normal (Allemagne)', 'guichet unique OSS', '19 %'],
    export: [
      'Hors du champ de la TVA',
      "TVA non applicable : prestation dont le lieu est situé hors de l'Union européenne",
      'article 44 de la directive 2006/112/CE',
    ],
  },
  ro: {
    domestic: ['Cota standard'],
    'reverse-charge': ['Taxare inversă', 'art. 196 din Directiva 2006/112/CE'],
    oss: ['Cota standard (Germania)', 'ghișeul unic OSS', '19 %'],
    export: [
      'În afara sferei de aplicare a TVA',
      'TVA neaplicabilă: locul prestării este în afara Uniunii Europene',
      'art. 44 din Directiva 2006/112/CE',
    ],
  },
  en: {
    domestic: ['Standard rate'],
    'reverse-charge': ['Reverse charge', 'Article 196 of Council Directive 2006/112/EC'],
    oss: ['Standard rate (Germany)', 'One-Stop Shop (OSS)', '19%'],
    export: [
      'Outside the scope of VAT',
      'VAT not applicable: the place of supply is outside the European Union',
      'Article 44 of Council Directive 2006/112/EC',
    ],
  },
};

/** What the seller's country's law adds: France between businesses (L441-9, L441-10), Romania (art. 319). */
const SELLER_WORDS: Record<'FR' | 'RO', Record<Locale, string[]>> = {
  FR: {
    fr: [
      "Date d'échéance : 22/12/2026",
      "Pas d'escompte pour paiement anticipé (article L441-9 du Code de commerce)",
      'Banque centrale européenne majoré de 10 points de pourcentage (article L441-10 du Code de commerce)',
      'Indemnité forfaitaire pour frais de recouvrement de 40 €',
      'SIREN : 342464408',
      'N° TVA intracommunautaire : FR82342464408',
    ],
    ro: [],
    en: [
      'Due date: 22 Dec 2026. No discount for early payment (Article L441-9 of the French Commercial Code)',
      'European Central Bank',
      'plus 10 percentage points (Article L441-10 of the French Commercial Code)',
      'Fixed indemnity for recovery costs of €40',
      'SIREN: 342464408',
    ],
  },
  RO: {
    fr: [],
    ro: [
      'Seria OBRO-2026 nr. 000042',
      'CUI/CIF: 14040242',
      'Nr. Reg. Com.: J40/1234/2001',
      'Factura circulă fără semnătură și ștampilă (art. 319 alin. (29) din Codul fiscal)',
    ],
    en: [
      'Series OBRO-2026, no. 000042',
      'CUI/CIF: 14040242',
      'Trade register no.: J40/1234/2001',
      'Article 319(29) of the Romanian Fiscal Code',
    ],
  },
};

const COMBINATIONS: Array<[Locale, 'FR' | 'RO']> = [
  ['fr', 'FR'],
  ['ro', 'RO'],
  ['en', 'FR'],
  ['en', 'RO'],
];
const CASES: VatCase[] = ['domestic', 'reverse-charge', 'oss', 'export'];

describe('invoice and credit note PDFs (I5)', () => {
  beforeAll(() => {
    for (const tool of ['pdftoppm', 'pdftotext']) {
      try {
        execFileSync(tool, ['-v'], { stdio: 'ignore' });
      } catch {
        throw new Error(`${tool} is missing: install poppler-utils (scripts/ensure-deps.sh does it where apt-get runs as root)`);
      }
    }
    if (existsSync(ARTEFACTS)) rmSync(ARTEFACTS, { recursive: true });
    mkdirSync(ARTEFACTS, { recursive: true });
  });

  describe.each(COMBINATIONS)('in %s from the %s seller', (locale, sellerCountry) => {
    it.each(CASES)('%s: every mention, date and figure of the JSON is on the page', async (vatCase) => {
      const invoice = issuedInvoice(locale, sellerCountry, vatCase);
      const rendered = await renderer.render(invoice);
      const { text, flat } = toArtefacts(`invoice-${locale}-${sellerCountry}-${vatCase}`, rendered.pdf);

      expect(flat).toContain(invoice.number);
      for (const date of [DATES[locale].issue, DATES[locale].taxPoint, DATES[locale].due]) expect(flat).toContain(date);
      for (const words of CASE_WORDS[locale][vatCase]) expect(flat).toContain(words);
      const business = invoice.buyer.buyerType === 'business';
      // The French late-payment mentions are owed to businesses; the Romanian ones to everyone.
      const sellerWords = SELLER_WORDS[sellerCountry][locale].filter(
        (w) => sellerCountry === 'RO' || business || w.startsWith('SIREN'),
      );
      for (const words of sellerWords) expect(flat).toContain(words);
      if (sellerCountry === 'FR' && !business) expect(flat).not.toContain('L441-10');
      if (vatCase === 'reverse-charge' && sellerCountry === 'FR') {
        expect(flat).toContain(
          { fr: 'article 259-1 du CGI', ro: '', en: 'Article 259-1 of the French General Tax Code' }[locale],
        );
      }
      if (vatCase === 'reverse-charge' && sellerCountry === 'RO') {
        expect(flat).toContain(
          {
            fr: '',
            ro: 'art. 278 alin. (2) și art. 319 alin. (20) din Codul fiscal',
            en: 'Articles 278(2) and 319(20) of the Romanian Fiscal Code',
          }[locale],
        );
      }

      // Every amount of the JSON, formatted with the locale's rules, is on the page.
      const amounts = [
        ...invoice.lines.flatMap((l) => [l.unitPriceMinor, l.netMinor]),
        ...invoice.vatBreakdown.flatMap((e) => [e.taxableMinor, e.taxMinor]),
        invoice.totals.netMinor,
        invoice.totals.vatMinor,
        invoice.totals.grossMinor,
        invoice.totals.payableMinor,
      ];
      for (const minor of amounts) expect(flat).toContain(oneSpace(formatAmount(minor, invoice.currency, locale)));
      // And the totals, read back with the locale's separators, are the JSON's to the cent.
      const labels = TOTAL_LABELS[locale];
      expect(minorUnitsOnLine(text, labels.net, locale)).toBe(invoice.totals.netMinor);
      expect(minorUnitsOnLine(text, labels.vat, locale)).toBe(invoice.totals.vatMinor);
      expect(minorUnitsOnLine(text, labels.gross, locale)).toBe(invoice.totals.grossMinor);
      // A VAT category is printed in words, never as its code alone.
      expect(text).not.toMatch(/^\s*(S|AE|O|Z|E|K|G)\s{2,}/m);
    });
  });

  it.each(COMBINATIONS)(
    'a credit note in %s from the %s seller names the invoice it corrects, why, and what it credits',
    async (locale, sellerCountry) => {
      const creditNote = creditNoteOf(issuedInvoice(locale, sellerCountry, 'domestic'));
      const rendered = await renderer.renderCreditNote(creditNote);
      expect(rendered.sha256).toMatch(/^[0-9a-f]{64}$/);
      const { text, flat } = toArtefacts(`credit-note-${locale}-${sellerCountry}`, rendered.pdf);

      const expected = {
        fr: [
          `Avoir ${creditNote.number}`,
          `Facture d'origine : ${creditNote.invoiceNumber} du 22/11/2026`,
          'Motif : Remboursement — Storage not used',
          '27/11/2026',
        ],
        ro: [
          `Factură de stornare ${creditNote.number}`,
          `Factura stornată: ${creditNote.invoiceNumber} din 22.11.2026`,
          'Motivul: Restituire — Storage not used',
          '27.11.2026',
          'Seria OBRO-AV-2026 nr. 000003',
        ],
        en: [
          `Credit note ${creditNote.number}`,
          `Original invoice: ${creditNote.invoiceNumber} of 22 Nov 2026`,
          'Reason: Refund — Storage not used',
          '27 Nov 2026',
        ],
      }[locale];
      for (const words of expected) expect(flat).toContain(words);
      for (const minor of [
        creditNote.lines[0]!.unitPriceMinor,
        creditNote.totals.netMinor,
        creditNote.totals.vatMinor,
        creditNote.totals.grossMinor,
      ]) {
        expect(flat).toContain(oneSpace(formatAmount(minor, creditNote.currency, locale)));
      }
      expect(minorUnitsOnLine(text, TOTAL_LABELS[locale].credited, locale)).toBe(creditNote.totals.grossMinor);
      // A credit note asks for no payment: no late-payment terms on it.
      expect(flat).not.toContain('L441-10');
    },
  );
});
