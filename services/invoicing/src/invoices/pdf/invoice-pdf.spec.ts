import { issuedRomanianInvoice } from '@obolus/testing';
import { creditNotePage } from './credit-note-pdf';
import { invoicePage, renderInvoicePdf, InvoicePdfContent } from './invoice-pdf';

const invoice: InvoicePdfContent = { ...issuedRomanianInvoice(), number: 'OBRO-2026-000042', dueDate: '2026-12-22' };

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

describe('invoicePage', () => {
  it('dates a Romanian invoice the Romanian way, names its series and number, and its VAT category in words', () => {
    const page = invoicePage(invoice);
    expect(page.headings).toEqual([
      'Seria OBRO-2026 nr. 000042',
      'Data emiterii: 22.11.2026',
      'Data livrării / exigibilității TVA: 22.11.2026',
      'Data scadenței: 22.12.2026',
    ]);
    expect(page.vatBreakdown.map((e) => e.category)).toEqual(['Cota standard']);
  });
});

describe('creditNotePage', () => {
  it('titles a credit note in its language and names the invoice it corrects with its date', () => {
    const {
      pdf: _pdf,
      recipients: _recipients,
      issuedAt: _issuedAt,
      invoiceId,
      payment: _payment,
      dueDate: _due,
      taxPointDate: _tp,
      ...rest
    } = issuedRomanianInvoice();
    const page = creditNotePage({
      ...rest,
      locale: 'fr',
      creditNoteId: '5b9f3a8e-5a0f-4b5e-9d5e-0c6f1c1e2a11',
      number: 'OBRO-AV-2026-000001',
      series: 'OBRO-AV-2026',
      invoiceId,
      invoiceNumber: 'OBRO-2026-000001',
      invoiceIssueDate: '2026-11-22',
      reason: 'correction',
      reasonText: 'Mauvais nombre de sièges',
      issueDate: '2026-11-27',
    });
    expect(page.title).toBe('Avoir OBRO-AV-2026-000001');
    expect(page.headings).toContain("Facture d'origine : OBRO-2026-000001 du 22/11/2026");
    expect(page.headings).toContain('Motif : Correction de la facture — Mauvais nombre de sièges');
    expect(page.totals.at(-1)).toEqual({ label: "Total de l'avoir TTC", minor: 11858, bold: true });
  });
});
