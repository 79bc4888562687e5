import { assertEventData, EfacturaIncomingReceivedV1 } from '@obolus/contracts';
import { incomingReceivedData } from './incoming-received';
import { IncomingSummary } from './incoming-summary';

const stored = {
  id: '1c9f3a8e-5a0f-4b5e-9d5e-0c6f1c1e2a11',
  accountId: '0b9f3a8e-5a0f-4b5e-9d5e-0c6f1c1e2a11',
  cif: '14040242',
  anafId: '3001',
  receivedAt: new Date('2026-12-23T10:00:00.000Z'),
};
const read: IncomingSummary = {
  supplierCif: '18547290',
  supplierName: 'Furnizor SRL',
  number: 'F-100',
  issueDate: '2026-12-20',
  currency: 'RON',
  payableMinor: 12100n,
  parsed: {},
  parseError: null,
};

describe('incomingReceivedData', () => {
  it('tells what was read of a supplier invoice', () => {
    const data = incomingReceivedData(stored, read);
    expect(data).toMatchObject({
      supplierCif: '18547290',
      number: 'F-100',
      issueDate: '2026-12-20',
      payableMinor: 12100,
      parseError: null,
    });
    expect(() => assertEventData(EfacturaIncomingReceivedV1, data)).not.toThrow();
  });

  it('leaves out what a supplier wrote that the contract cannot carry, and still publishes', () => {
    const data = incomingReceivedData(stored, {
      ...read,
      issueDate: '2026-02-30',
      currency: 'lei',
      payableMinor: 10n ** 20n,
      supplierName: 'S'.repeat(5000),
    });
    expect(data).toMatchObject({ issueDate: null, currency: null, payableMinor: null });
    expect(data.supplierName).toHaveLength(500);
    expect(() => assertEventData(EfacturaIncomingReceivedV1, data)).not.toThrow();
  });

  it('reports an unreadable invoice with its error', () => {
    const data = incomingReceivedData(stored, {
      ...read,
      supplierCif: null,
      supplierName: null,
      number: null,
      issueDate: null,
      currency: null,
      payableMinor: null,
      parsed: null,
      parseError: 'not a UBL invoice',
    });
    expect(data.parseError).toBe('not a UBL invoice');
    expect(() => assertEventData(EfacturaIncomingReceivedV1, data)).not.toThrow();
  });
});
