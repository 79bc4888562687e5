import { EntitlementsChangedV1 } from '@obolus/contracts';
import { RecordingUnitOfWork } from '@obolus/testing';
import { randomUUID } from 'node:crypto';
import { SubscribedAccounts } from '../../test-support/subscribed-accounts';
import { SubscriptionsErrorCode } from '../../subscriptions.errors';
import { RecordUsageCommand } from './record-usage.command';
import { RecordUsageUseCase } from './record-usage.use-case';

describe('RecordUsageUseCase (C6)', () => {
  let accounts: SubscribedAccounts;
  let record: RecordUsageUseCase;

  const report = (accountId: string, usageId: string, storageDeltaBytes: number, uow = new RecordingUnitOfWork()) =>
    record.execute(RecordUsageCommand.create({ accountId, usageId, storageDeltaBytes }), uow);

  beforeEach(() => {
    accounts = new SubscribedAccounts();
    record = new RecordUsageUseCase(accounts.catalogs, accounts.repository, accounts.clocks);
  });

  it('adds and frees storage, once per usage id, and says so in entitlements.changed', async () => {
    const accountId = await accounts.bought('fr-crm', {
      edition: 'dream-team',
      term: 'monthly',
      seats: 1,
      at: '2027-01-05T10:00:00Z',
    });
    const uow = new RecordingUnitOfWork();
    expect(await report(accountId, 'upload-1', 5_000_000, uow)).toEqual({
      usageId: 'upload-1',
      recorded: true,
      storageBytes: 5_000_000,
    });
    const [changed] = uow.dataOf(EntitlementsChangedV1);
    expect(changed).toMatchObject({
      accountId,
      usage: { seats: 1, storageBytes: 5_000_000 },
      version: accounts.row(accountId).version,
    });

    const again = new RecordingUnitOfWork();
    expect(await report(accountId, 'upload-1', 5_000_000, again)).toEqual({
      usageId: 'upload-1',
      recorded: false,
      storageBytes: 5_000_000,
    });
    expect(again.emitted).toHaveLength(0);

    expect(await report(accountId, 'delete-1', -2_000_000)).toMatchObject({ storageBytes: 3_000_000 });
    expect(await report(accountId, 'delete-2', -9_000_000)).toMatchObject({ storageBytes: 0 });
  });

  it('refuses an account without a subscription, and a report without an id or with a huge delta', async () => {
    await expect(report(randomUUID(), 'u', 1)).rejects.toMatchObject({ code: SubscriptionsErrorCode.SubscriptionNotFound });
    const accountId = randomUUID();
    expect(() => RecordUsageCommand.create({ accountId, usageId: '', storageDeltaBytes: 1 })).toThrow(
      expect.objectContaining({ fields: [expect.objectContaining({ field: 'usageId' })] }),
    );
    expect(() => RecordUsageCommand.create({ accountId, usageId: 'u', storageDeltaBytes: 1.5 })).toThrow(
      expect.objectContaining({ fields: [expect.objectContaining({ field: 'storageDeltaBytes' })] }),
    );
  });
});
