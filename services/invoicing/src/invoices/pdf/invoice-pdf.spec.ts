import { issuedRomanianInvoice } from '@obolus/testing';
import { renderInvoicePdf, InvoicePdfContent } from './invoice-pdf';

const invoice: InvoicePdfContent = { ...issuedRomanianInvoice(), number: 'OBRO-2026-000042' };

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
