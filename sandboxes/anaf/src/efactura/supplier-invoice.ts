import { buildUblXml, type UblDocument } from '@obolus/ubl';

export interface SupplierInvoiceDraft {
  /** The supplier's CUI (seller, RO VAT id "RO" + CUI). */
  supplierCif: string;
  /** The buyer's CUI: the company that receives the invoice. */
  buyerCif: string;
  number?: string;
  issueDate?: string;
  supplierName?: string;
  /** Net amount of the one line, e.g. "250.00"; VAT 21 % is added. */
  netAmount?: string;
}

/** A CIUS-RO invoice from one Romanian company to another, for tests that need a supplier's invoice. */
export function supplierInvoiceDocument(draft: SupplierInvoiceDraft): UblDocument {
  const issueDate = draft.issueDate ?? '2026-11-20';
  return {
    kind: 'invoice',
    id: draft.number ?? `FURN-${draft.supplierCif}-0001`,
    issueDate,
    dueDate: new Date(Date.parse(`${issueDate}T00:00:00Z`) + 15 * 86_400_000).toISOString().slice(0, 10),
    currency: 'RON',
    seller: {
      name: draft.supplierName ?? `Furnizor ${draft.supplierCif} SRL`,
      vatId: `RO${draft.supplierCif}`,
      legalRegistrationId: 'J12/345/2019',
      address: {
        street: 'Str. Fabricii 3',
        city: 'Cluj-Napoca',
        postalCode: '400001',
        countrySubdivision: 'RO-CJ',
        country: 'RO',
      },
    },
    buyer: {
      name: `Client ${draft.buyerCif} SRL`,
      vatId: `RO${draft.buyerCif}`,
      address: { street: 'Str. Exemplu 10', city: 'SECTOR1', postalCode: '010101', countrySubdivision: 'RO-B', country: 'RO' },
    },
    paymentMeans: [{ code: '30', payeeAccount: { id: 'RO49AAAA1B31007593840000' } }],
    lines: [
      {
        id: '1',
        quantity: '1',
        unitCode: 'H87',
        item: { name: 'Servicii de gazduire' },
        vat: { category: 'S', rate: '21' },
        price: { amount: draft.netAmount ?? '250.00' },
      },
    ],
  };
}

export function supplierInvoiceXml(draft: SupplierInvoiceDraft): string {
  return buildUblXml(supplierInvoiceDocument(draft));
}
