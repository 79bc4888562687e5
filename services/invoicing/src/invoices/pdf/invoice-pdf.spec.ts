import { renderInvoicePdf, InvoicePdfContent } from './invoice-pdf';

const invoice: InvoicePdfContent = {
  accountId: '0b9f3a8e-5a0f-4b5e-9d5e-0c6f1c1e2a11',
  invoiceId: '1b9f3a8e-5a0f-4b5e-9d5e-0c6f1c1e2a11',
  number: 'OBRO-2026-000042',
  series: 'OBRO-2026',
  catalog: 'ro-crm',
  issueDate: '2026-11-22',
  taxPointDate: '2026-11-22',
  dueDate: '2026-11-22',
  currency: 'RON',
  locale: 'ro',
  seller: {
    legalName: 'Obolus Software SRL',
    vatId: 'RO14040242',
    address: { line1: 'Strada Victoriei 10', city: 'SECTOR1', countrySubdivision: 'RO-B', country: 'RO' },
  },
  buyer: {
    legalName: 'Fabrica de Pâine Ștefănești SRL',
    companyId: '12448440',
    address: { line1: 'Bd. Ștefan cel Mare 1', city: 'Iași', countrySubdivision: 'RO-IS', country: 'RO' },
  },
  lines: [
    {
      description: 'Premium (prepaid-1), 2 utilizatori',
      quantity: 2,
      unitPriceMinor: 4900,
      netMinor: 9800,
      vatCategory: 'S',
      vatRateBasisPoints: 2100,
    },
  ],
  vatBreakdown: [{ vatCategory: 'S', vatRateBasisPoints: 2100, taxableMinor: 9800, taxMinor: 2058 }],
  totals: { netMinor: 9800, vatMinor: 2058, grossMinor: 11858, paidMinor: 11858, payableMinor: 0 },
  payment: { paymentId: '2b9f3a8e-5a0f-4b5e-9d5e-0c6f1c1e2a11', method: 'card', providerPaymentId: 'pi_123' },
};

describe('renderInvoicePdf', () => {
  it('renders a PDF that names its invoice number, with Romanian letters embedded in a font', async () => {
    const pdf = await renderInvoicePdf(invoice);
    const text = pdf.toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    // The invoice number is the document's Subject, an uncompressed string in the PDF's info dictionary.
    expect(text).toMatch(/\/Subject \d+ 0 R/);
    expect(text).toContain('(OBRO-2026-000042)');
    expect(text).toMatch(/DejaVuSans/);
    expect(pdf.length).toBeGreaterThan(5000);
  });
});
