import { InvalidCommandError } from '@obolus/platform';
import { RecordingUnitOfWork } from '@obolus/testing';
import { AuditLogRepository } from '../../audit-log.repository';
import { InMemoryAuditLog } from '../../test-support/in-memory-audit-log';
import { ListAuditLogCommand } from './list-audit-log.command';
import { ListAuditLogUseCase } from './list-audit-log.use-case';

describe('ListAuditLogUseCase', () => {
  const accountId = '0b5e9c1e-3c1d-4a4e-8f3a-1b2c3d4e5f60';
  const otherAccountId = '1c6fad2f-4d2e-4b5f-9a4b-2c3d4e5f6071';
  let audit: InMemoryAuditLog;
  let list: ListAuditLogUseCase;
  const uow = new RecordingUnitOfWork();

  beforeEach(async () => {
    audit = new InMemoryAuditLog(() => new Date('2026-03-10T10:00:00Z'));
    for (let i = 0; i < 5; i += 1) {
      await audit.record(uow, { event: 'sign-in.failed', accountId, clientIp: `203.0.113.${i}` });
      await audit.record(uow, { event: 'sign-in.succeeded', accountId: otherAccountId });
    }
    list = new ListAuditLogUseCase(audit as unknown as AuditLogRepository);
  });

  it("gives the account's own events, newest first, by pages", async () => {
    const first = await list.execute(ListAuditLogCommand.create({ accountId, limit: 2 }), uow);
    expect(first.map((e) => e.clientIp)).toEqual(['203.0.113.4', '203.0.113.3']);
    const next = await list.execute(ListAuditLogCommand.create({ accountId, limit: 2, before: first[1]!.id }), uow);
    expect(next.map((e) => e.clientIp)).toEqual(['203.0.113.2', '203.0.113.1']);
    expect(next[0]).toMatchObject({ event: 'sign-in.failed', actorUserId: null, occurredAt: '2026-03-10T10:00:00.000Z' });
  });

  it('gives 50 entries when no limit is asked, and never another account’s', async () => {
    const all = await list.execute(ListAuditLogCommand.create({ accountId }), uow);
    expect(all).toHaveLength(5);
    expect(ListAuditLogCommand.create({ accountId }).limit).toBe(50);
  });

  it('shows each entry as a UI needs it: when, who (user or staff, with the address), what, why and to what', async () => {
    const ownerId = '2d70be30-5e3f-4c60-8b5c-3d4e5f607182';
    const staffId = '3e81cf41-6f40-4d71-9c6d-4e5f60718293';
    audit = new InMemoryAuditLog(
      () => new Date('2026-03-11T08:00:00Z'),
      (id) => ({ [ownerId]: 'ana@exemplu.ro', [staffId]: 'ops@obolus.example' })[id],
    );
    list = new ListAuditLogUseCase(audit as unknown as AuditLogRepository);
    await audit.record(uow, { event: 'sign-in.failed', accountId, details: { reason: 'wrong-password' } });
    await audit.record(uow, { event: 'role.changed', accountId, actorUserId: ownerId, subjectId: otherAccountId });
    await audit.record(uow, {
      event: 'staff.action-taken',
      accountId,
      staffId,
      occurredAt: new Date('2026-03-11T07:59:00Z'),
      details: { action: 'trial.extended', reason: 'Sales promised two more weeks', staffEmail: 'ana.ops@obolus.example' },
    });
    const [staffAction, roleChange, failure] = await list.execute(ListAuditLogCommand.create({ accountId }), uow);
    expect(staffAction).toMatchObject({
      occurredAt: '2026-03-11T07:59:00.000Z',
      actor: { type: 'staff', id: staffId, email: 'ana.ops@obolus.example' },
      action: 'trial.extended',
      reason: 'Sales promised two more weeks',
      subject: null,
    });
    expect(roleChange).toMatchObject({
      actor: { type: 'user', id: ownerId, email: 'ana@exemplu.ro' },
      action: 'role.changed',
      reason: null,
      subject: { type: 'user', id: otherAccountId },
    });
    expect(failure).toMatchObject({ actor: null, action: 'sign-in.failed', reason: 'wrong-password', subject: null });
  });

  it('refuses a page size over 200 and a cursor that is not an entry id', () => {
    expect(() => ListAuditLogCommand.create({ accountId, limit: 201 })).toThrow(InvalidCommandError);
    expect(() => ListAuditLogCommand.create({ accountId, before: '1 OR 1=1' })).toThrow(InvalidCommandError);
  });
});
