import { violationsOf } from '../event-contract';
import { exampleDataOf } from '../examples';
import { StaffActionTakenV1, StaffActionTakenV1Data } from './events';

const valid: StaffActionTakenV1Data = {
  accountId: '0b9f3a8e-5a0f-4b5e-9d5e-0c6f1c1e2a11',
  staffUserId: '7d1c1a52-6a4c-4b8e-9a55-0e1b3f9d2c10',
  staffEmail: 'support@example.com',
  action: 'payment.refunded',
  reason: 'Charged twice by mistake',
  subject: { type: 'payment', id: 'b0f9a3e8-1111-4b5e-9d5e-0c6f1c1e2a11' },
  details: { amountMinor: 12100, currency: 'RON', partial: false },
  occurredAt: '2026-11-27T09:30:00.000Z',
};

const paths = (data: unknown) => violationsOf(StaffActionTakenV1, data).map((violation) => violation.path);

describe('staff.action-taken', () => {
  it('accepts a full action, and one without subject and details', () => {
    expect(violationsOf(StaffActionTakenV1, valid)).toEqual([]);
    const { subject: _subject, details: _details, ...bare } = valid;
    expect(violationsOf(StaffActionTakenV1, bare)).toEqual([]);
    expect(violationsOf(StaffActionTakenV1, exampleDataOf(StaffActionTakenV1))).toEqual([]);
  });

  it('requires a reason of 3 to 500 characters that is not blank', () => {
    const { reason: _reason, ...withoutReason } = valid;
    expect(paths(withoutReason)).toContain('/reason');
    expect(paths({ ...valid, reason: 'ok' })).toContain('/reason');
    expect(paths({ ...valid, reason: '     ' })).toContain('/reason');
    expect(paths({ ...valid, reason: 'x'.repeat(501) })).toContain('/reason');
    expect(paths({ ...valid, reason: 'x'.repeat(500) })).toEqual([]);
  });

  it('names the action in lowercase words joined by dots or hyphens', () => {
    expect(paths({ ...valid, action: 'dead-letter.replayed' })).toEqual([]);
    expect(paths({ ...valid, action: 'Payment Refunded' })).toContain('/action');
    expect(paths({ ...valid, action: '' })).toContain('/action');
  });

  it('keeps details small and flat', () => {
    const many = Object.fromEntries(Array.from({ length: 21 }, (_, index) => [`k${index}`, index]));
    expect(paths({ ...valid, details: many })).toContain('/details');
    expect(paths({ ...valid, details: { nested: { deep: true } } })).not.toEqual([]);
    expect(paths({ ...valid, details: { note: 'x'.repeat(201) } })).not.toEqual([]);
  });

  it('refuses unknown fields and a subject without its id', () => {
    expect(paths({ ...valid, extra: 1 })).not.toEqual([]);
    expect(paths({ ...valid, subject: { type: 'invoice' } })).not.toEqual([]);
  });
});
