import { EfacturaIncomingReceivedV1Data, EfacturaSubmissionRejectedV1Data } from '@obolus/contracts';
import { composeEmail } from '../deliveries/mappers/deliveries-of-events';

const rejected: EfacturaSubmissionRejectedV1Data = {
  accountId: '0b9f3a8e-5a0f-4b5e-9d5e-0c6f1c1e2a11',
  documentId: '1c9f3a8e-5a0f-4b5e-9d5e-0c6f1c1e2a11',
  invoiceId: '2d9f3a8e-5a0f-4b5e-9d5e-0c6f1c1e2a11',
  invoiceNumber: 'OBRO-2026-000007',
  cif: '14040242',
  uploadIndex: '5001',
  downloadId: '3001',
  messages: ['E: [BR-RO-010] <b>numar</b> & "factura"', 'E: [BR-CO-15] total'],
  messageCount: 5,
  ruleIds: ['BR-RO-010', 'BR-CO-15'],
  rejectedAt: '2026-12-23T10:00:00.000Z',
};

const received: EfacturaIncomingReceivedV1Data = {
  accountId: '0b9f3a8e-5a0f-4b5e-9d5e-0c6f1c1e2a11',
  incomingId: '3e9f3a8e-5a0f-4b5e-9d5e-0c6f1c1e2a11',
  cif: '14040242',
  anafId: '3002',
  supplierCif: '18547290',
  supplierName: 'Furnizor SRL',
  number: 'F-100',
  issueDate: '2026-12-20',
  currency: 'RON',
  payableMinor: 123456,
  parseError: null,
  receivedAt: '2026-12-23T10:00:00.000Z',
};

describe('e-Factura notices', () => {
  it("lists ANAF's messages as written, each on its line, escaped in HTML, and says how many more there are", () => {
    const email = composeEmail('efactura-rejected', { ...rejected, locale: 'ro' }, 'ro');
    expect(email.text).toContain('- E: [BR-RO-010] <b>numar</b> & "factura"\n- E: [BR-CO-15] total\n(și încă 3,');
    expect(email.html).toContain('E: [BR-RO-010] &lt;b&gt;numar&lt;/b&gt; &amp; &quot;factura&quot;');
    expect(email.html).not.toContain('<b>numar');
  });

  it('reads a supplier invoice to the owner in their format', () => {
    // Intl writes a no-break space between amount and currency.
    expect(composeEmail('supplier-invoice-received', { ...received, locale: 'ro' }, 'ro').text).toMatch(
      /Furnizor: Furnizor SRL, CUI 18547290\nNumăr: F-100\nData: 20 decembrie 2026\nDe plată: 1\.234,56\sRON/,
    );
    expect(composeEmail('supplier-invoice-received', { ...received, locale: 'en' }, 'en').text).toMatch(/To pay: RON\s1,234\.56/);
  });

  it('writes in Romanian when the account’s language is not known', () => {
    expect(composeEmail('efactura-rejected', rejected).subject).toBe(
      'e-Factura: factura OBRO-2026-000007 a fost respinsă de ANAF',
    );
  });
});
