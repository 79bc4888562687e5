import { EfacturaDocumentValidatedV1, violationsOf } from '@obolus/contracts';
import { issuedRomanianInvoice } from '@obolus/testing';
import { issuedRomanianCreditNote } from '../test-support/issued-credit-note';
import { issuedCreditNote, issuedInvoice as issued } from './issued-document';
import { documentRow, documentValidatedData } from './validated-document';

const id = 'ab9f3a8e-5a0f-4b5e-9d5e-0c6f1c1e2a11';
const at = new Date('2026-11-22T10:00:05.000Z');

describe('documentRow', () => {
  it('is valid with warnings only, and due for upload within the legal deadline after the issue date', () => {
    const row = documentRow(
      issued(issuedRomanianInvoice()),
      { xml: '<Invoice/>', findings: [{ ruleId: 'W1', severity: 'warning', location: '/', message: 'advice' }] },
      id,
      at,
    );
    expect(row).toMatchObject({
      id,
      invoiceNumber: 'OBRO-2026-000001',
      kind: 'invoice',
      issueDate: '2026-11-22',
      valid: true,
      status: 'valid',
    });
    expect(row.uploadDeadline > row.issueDate).toBe(true);
  });

  it('is invalid as soon as one finding is fatal', () => {
    const row = documentRow(
      issued(issuedRomanianInvoice()),
      { xml: '', findings: [{ ruleId: 'F', severity: 'fatal', location: '/', message: 'no' }] },
      id,
      at,
    );
    expect(row).toMatchObject({ valid: false, status: 'invalid', xml: '' });
  });
});

describe('documentValidatedData', () => {
  it('counts the findings of each severity and dates the verdict', () => {
    const row = documentRow(
      issued(issuedRomanianInvoice()),
      {
        xml: '',
        findings: [
          { ruleId: 'F', severity: 'fatal', location: '/', message: 'no' },
          { ruleId: 'W1', severity: 'warning', location: '/', message: 'a' },
          { ruleId: 'W2', severity: 'warning', location: '/', message: 'b' },
        ],
      },
      id,
      at,
    );
    expect(documentValidatedData(row)).toEqual({
      accountId: row.accountId,
      documentId: id,
      invoiceId: row.invoiceId,
      invoiceNumber: 'OBRO-2026-000001',
      valid: false,
      fatalFindings: 1,
      warningFindings: 2,
      uploadDeadline: row.uploadDeadline,
      validatedAt: '2026-11-22T10:00:05.000Z',
    });
  });
});

describe('a credit note', () => {
  it('is stored under its own id and number, kind credit-note, with the invoice it corrects, and announced so', () => {
    const creditNote = issuedRomanianCreditNote();
    const row = documentRow(issuedCreditNote(creditNote), { xml: '<CreditNote/>', findings: [] }, id, at);
    expect(row).toMatchObject({
      invoiceId: creditNote.creditNoteId,
      invoiceNumber: 'OBRO-CN-2026-000001',
      kind: 'credit-note',
      correctedInvoiceNumber: 'OBRO-2026-000001',
      issueDate: '2026-11-27',
      valid: true,
    });
    const data = documentValidatedData(row);
    expect(data).toMatchObject({
      kind: 'credit-note',
      invoiceId: creditNote.creditNoteId,
      invoiceNumber: 'OBRO-CN-2026-000001',
      correctedInvoiceNumber: 'OBRO-2026-000001',
    });
    expect(violationsOf(EfacturaDocumentValidatedV1, data)).toEqual([]);
  });

  it('leaves an invoice announced as before: no kind, no corrected invoice', () => {
    const data = documentValidatedData(documentRow(issued(issuedRomanianInvoice()), { xml: '<Invoice/>', findings: [] }, id, at));
    expect(data).not.toHaveProperty('kind');
    expect(data).not.toHaveProperty('correctedInvoiceNumber');
  });
});
