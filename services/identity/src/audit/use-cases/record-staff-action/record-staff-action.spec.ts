import { assertEventData, StaffActionTakenV1, StaffActionTakenV1Data } from '@obolus/contracts';
import { InvalidCommandError } from '@obolus/platform';
import { RecordingUnitOfWork } from '@obolus/testing';
import { AuditLogRepository } from '../../audit-log.repository';
import { InMemoryAuditLog } from '../../test-support/in-memory-audit-log';
import { ListAuditLogCommand } from '../list-audit-log/list-audit-log.command';
import { ListAuditLogUseCase } from '../list-audit-log/list-audit-log.use-case';
import { RecordStaffActionCommand } from './record-staff-action.command';
import { RecordStaffActionUseCase } from './record-staff-action.use-case';

const ACCOUNT_ID = '0b5e9c1e-3c1d-4a4e-8f3a-1b2c3d4e5f60';
const STAFF_ID = '7d1c1a52-6a4c-4b8e-9a55-0e1b3f9d2c10';
const EVENT_ID = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';

/** A staff.action-taken as payments publishes it for a refund, checked against its contract. */
const refunded = (overrides: Partial<StaffActionTakenV1Data> = {}): StaffActionTakenV1Data => {
  const data: StaffActionTakenV1Data = {
    accountId: ACCOUNT_ID,
    staffUserId: STAFF_ID,
    staffEmail: 'support@obolus.example',
    action: 'payment.refunded',
    reason: 'Charged twice by mistake',
    subject: { type: 'payment', id: '4f1e2d3c-5b6a-4798-8a7b-6c5d4e3f2a10' },
    details: { amountMinor: 12100, currency: 'RON' },
    occurredAt: '2026-03-05T10:00:00.000Z',
    ...overrides,
  };
  assertEventData(StaffActionTakenV1, data);
  return data;
};

describe('RecordStaffActionUseCase', () => {
  let audit: InMemoryAuditLog;
  let recordStaffAction: RecordStaffActionUseCase;
  const uow = new RecordingUnitOfWork();
  const record = (data: StaffActionTakenV1Data, eventId = EVENT_ID) =>
    recordStaffAction.execute(RecordStaffActionCommand.create({ ...data, eventId }), uow);
  const trail = () =>
    new ListAuditLogUseCase(audit as unknown as AuditLogRepository).execute(
      ListAuditLogCommand.create({ accountId: ACCOUNT_ID }),
      uow,
    );

  beforeEach(() => {
    audit = new InMemoryAuditLog(() => new Date('2026-03-10T10:00:00Z'));
    recordStaffAction = new RecordStaffActionUseCase(audit as unknown as AuditLogRepository);
  });

  it("appends the action to the account's trail with who, what, why and to what, at the time it was taken", async () => {
    await record(refunded());
    expect(await trail()).toEqual([
      expect.objectContaining({
        event: 'staff.action-taken',
        occurredAt: '2026-03-05T10:00:00.000Z',
        actor: { type: 'staff', id: STAFF_ID, email: 'support@obolus.example' },
        action: 'payment.refunded',
        reason: 'Charged twice by mistake',
        subject: { type: 'payment', id: '4f1e2d3c-5b6a-4798-8a7b-6c5d4e3f2a10' },
        actorUserId: null,
        details: expect.objectContaining({ details: { amountMinor: 12100, currency: 'RON' }, eventId: EVENT_ID }),
      }),
    ]);
    expect(uow.emitted).toHaveLength(0);
  });

  it('records one entry for the same event delivered twice, and one per event otherwise', async () => {
    await record(refunded());
    await record(refunded());
    await record(
      refunded({ action: 'trial.extended', subject: undefined, details: undefined }),
      '1b2c3d4e-5f60-4a1b-8c2d-3e4f5a6b7c8d',
    );
    const entries = await trail();
    expect(entries.map((e) => e.action)).toEqual(['trial.extended', 'payment.refunded']);
    expect(entries[0]).toMatchObject({ subject: null, reason: 'Charged twice by mistake' });
  });

  it('refuses an action without a reason worth the name, naming the fields (it dead-letters)', () => {
    const create = () =>
      RecordStaffActionCommand.create({
        ...refunded(),
        reason: '  a ',
        action: 'Refund!',
        staffUserId: 'nope',
        eventId: EVENT_ID,
      });
    expect(create).toThrow(InvalidCommandError);
    expect(create).toThrow(
      expect.objectContaining({
        fields: [
          { field: 'staffUserId', reason: 'must be a UUID' },
          { field: 'action', reason: 'must be lowercase words joined by dots or hyphens' },
          { field: 'reason', reason: 'must be 3 to 500 characters' },
        ],
      }),
    );
  });
});
