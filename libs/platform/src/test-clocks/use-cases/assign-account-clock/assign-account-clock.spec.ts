import { AccountClocks } from '@obolus/messaging';
import { RecordingUnitOfWork } from '@obolus/testing';
import { AssignAccountClockCommand } from './assign-account-clock.command';
import { AssignAccountClockUseCase } from './assign-account-clock.use-case';

describe('AssignAccountClockUseCase', () => {
  const accountId = '6c1f7a2b-3d4e-4f5a-8b6c-7d8e9f0a1b2c';
  const clockId = '0f6d3b1e-6a43-4f3e-9b8e-1c2d3e4f5a6b';
  let assigned: [string, string][];
  let assign: AssignAccountClockUseCase;

  beforeEach(() => {
    assigned = [];
    const clocks = { assign: async (_uow: unknown, account: string, clock: string) => void assigned.push([account, clock]) };
    assign = new AssignAccountClockUseCase(clocks as unknown as AccountClocks);
  });

  it('puts an account created on a test clock on that clock', async () => {
    await assign.execute(AssignAccountClockCommand.create({ accountId, testClockId: clockId }), new RecordingUnitOfWork());
    expect(assigned).toEqual([[accountId, clockId]]);
  });

  it('leaves an account in real time when account.created names no clock', async () => {
    await assign.execute(AssignAccountClockCommand.create({ accountId }), new RecordingUnitOfWork());
    expect(assigned).toEqual([]);
  });

  it('refuses a clock id that is not a UUID, naming the field', () => {
    expect(() => AssignAccountClockCommand.create({ accountId, testClockId: 'clock' })).toThrow(
      expect.objectContaining({ fields: [expect.objectContaining({ field: 'testClockId' })] }),
    );
  });
});
