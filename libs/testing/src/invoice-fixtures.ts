import { InvoiceIssuedV1Data } from '@obolus/contracts';

/** A Romanian invoice to a Romanian company as `invoice.issued` carries it, for specs; each call a fresh copy. */
export const issuedRomanianInvoice = (): InvoiceIssuedV1Data => ({
  accountId: '0b9f3a8e-5a0f-4b5e-9d5e-0c6f1c1e2a11',
  invoiceId: '1b9f3a8e-5a0f-4b5e-9d5e-0c6f1c1e2a11',
  number: 'OBRO-2026-000001',
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
    companyId: '14040242',
    tradeRegisterNumber: 'J40/1234/2001',
    email: 'facturare@obolus.example',
    address: { line1: 'Strada Victoriei 10', city: 'SECTOR1', postalCode: '010061', countrySubdivision: 'RO-B', country: 'RO' },
  },
  buyer: {
    legalName: 'Fabrica de Pâine Ștefănești SRL',
    buyerType: 'business',
    companyId: '12448440',
    address: { line1: 'Bd. Ștefan cel Mare 1', city: 'Iași', countrySubdivision: 'RO-IS', country: 'RO' },
  },
  lines: [
    {
      description: 'Premium (prepaid-1)',
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
  recipients: ['owner@example.ro'],
  pdf: { filename: 'OBRO-2026-000001.pdf', sha256: '0'.repeat(64), sizeBytes: 5 },
  issuedAt: '2026-11-22T10:00:00.000Z',
});
