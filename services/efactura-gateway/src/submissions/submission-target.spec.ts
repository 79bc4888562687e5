import { issuedRomanianInvoice } from '@obolus/testing';
import { submissionTargetOf } from './submission-target';

describe('submissionTargetOf', () => {
  it('uploads a B2B invoice under the seller CUI with standard UBL', () => {
    const invoice = issuedRomanianInvoice();
    expect(submissionTargetOf(invoice, 'invoice')).toEqual({
      cif: '14040242',
      endpoint: 'upload',
      standard: 'UBL',
      extern: false,
    });
    expect(submissionTargetOf(invoice, 'credit-note')).toMatchObject({ standard: 'CN' });
  });

  it('sends a Romanian consumer to uploadb2c, and marks a foreign buyer extern', () => {
    const invoice = issuedRomanianInvoice();
    const consumer = {
      ...invoice,
      buyer: { legalName: 'Ion Popescu', buyerType: 'individual' as const, address: invoice.buyer.address },
    };
    expect(submissionTargetOf(consumer, 'invoice')).toMatchObject({ endpoint: 'uploadb2c', extern: false });
    const foreign = { ...invoice, buyer: { ...invoice.buyer, address: { line1: '1 rue X', city: 'Paris', country: 'FR' } } };
    expect(submissionTargetOf(foreign, 'invoice')).toMatchObject({ endpoint: 'upload', extern: true });
  });

  it('reads the CUI from the VAT id when no company id is given, and gives up without either', () => {
    const invoice = issuedRomanianInvoice();
    expect(submissionTargetOf({ ...invoice, seller: { ...invoice.seller, companyId: undefined } }, 'invoice')).toMatchObject({
      cif: '14040242',
    });
    expect(
      submissionTargetOf({ ...invoice, seller: { ...invoice.seller, companyId: undefined, vatId: undefined } }, 'invoice'),
    ).toBeUndefined();
  });
});
