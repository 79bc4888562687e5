import { join } from 'node:path';
import { DocumentLine, UblDocument } from '../model';

/** A typical Obolus subscription invoice: Bucharest seller, Cluj buyer, RON, standard rate. */
export function sampleB2bInvoice(lineCount = 2): UblDocument {
  const lines: DocumentLine[] = Array.from({ length: lineCount }, (_, i) => ({
    id: String(i + 1),
    quantity: String((i % 5) + 1),
    unitCode: 'H87',
    item: { name: `Premium seat ${i + 1}`, sellerItemId: `PREM-${i + 1}` },
    vat: { category: 'S', rate: '21' },
    price: { amount: (89.9 + i).toFixed(2) },
    ...(i % 3 === 1 ? { allowances: [{ percent: '10', reason: 'Annual commitment discount' }] } : {}),
  }));
  return {
    kind: 'invoice',
    id: 'OBL-2026-000123',
    issueDate: '2026-11-22',
    dueDate: '2026-12-07',
    currency: 'RON',
    notes: ['Abonament Premium, noiembrie 2026'],
    invoicePeriod: { start: '2026-11-01', end: '2026-11-30' },
    seller: {
      name: 'Obolus Demo SRL',
      vatId: 'RO18547290',
      legalRegistrationId: 'J40/1234/2020',
      address: { street: 'Str. Exemplu 10', city: 'SECTOR1', postalCode: '010101', countrySubdivision: 'RO-B', country: 'RO' },
      contact: { email: 'facturare@example.ro' },
    },
    buyer: {
      name: 'Client Exemplu SRL',
      vatId: 'RO14399840',
      address: { street: 'Bd. Eroilor 5', city: 'Cluj-Napoca', postalCode: '400129', countrySubdivision: 'RO-CJ', country: 'RO' },
    },
    paymentMeans: [{ code: '30', payeeAccount: { id: 'RO49AAAA1B31007593840000' } }],
    lines,
  };
}

/** ANAF's published sample invoice and credit note (2022), kept in libs/ubl/examples/anaf. */
export const anafExamplePath = (name: string): string => join(__dirname, '..', '..', 'examples', 'anaf', name);
