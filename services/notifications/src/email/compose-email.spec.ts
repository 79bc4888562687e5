import { InvoiceIssuedV1Data } from '@obolus/contracts';
import { composeEmail } from './compose-email';
import { PermanentDeliveryError } from '../deliveries/delivery-failure';

const invoice = {
  accountId: '0b9f3a8e-5a0f-4b5e-9d5e-0c6f1c1e2a11',
  invoiceId: '7d1c1a52-6a4c-4b8e-9a55-0e1b3f9d2c10',
  number: 'OBFR-2026-000042',
  issueDate: '2026-11-27',
  currency: 'EUR',
  locale: 'fr',
  totals: { netMinor: 11700, vatMinor: 2340, grossMinor: 14040, paidMinor: 14040, payableMinor: 0 },
  seller: { legalName: 'Obolus SAS' },
  pdf: { filename: 'OBFR-2026-000042.pdf', sha256: 'a'.repeat(64), sizeBytes: 4096 },
} as unknown as InvoiceIssuedV1Data;

describe('composing an e-mail from a delivery', () => {
  it('renders the invoice e-mail in its language and attaches the PDF by reference', () => {
    const email = composeEmail('invoice-issued', invoice);
    expect(email.subject).toBe('Facture OBFR-2026-000042');
    expect(email.text).toContain('140.40 EUR');
    expect(email.attachments).toEqual([
      { kind: 'invoice-pdf', invoiceId: invoice.invoiceId, filename: 'OBFR-2026-000042.pdf', sha256: 'a'.repeat(64) },
    ]);
  });

  it('gives up, for good, on a template that does not exist, inherited names included', () => {
    expect(() => composeEmail('constructor', invoice)).toThrow(PermanentDeliveryError);
    expect(() => composeEmail('newsletter', invoice)).toThrow(/no template is named 'newsletter'/);
  });

  it('gives up on data its template cannot render', () => {
    expect(() => composeEmail('invoice-issued', { ...invoice, locale: 'de' })).toThrow(PermanentDeliveryError);
  });
});
