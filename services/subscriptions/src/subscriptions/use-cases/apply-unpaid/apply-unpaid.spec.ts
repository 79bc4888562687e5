import { EntitlementsChangedV1, SubscriptionBlockedV1, SubscriptionDowngradedV1 } from '@obolus/contracts';
import { RecordingUnitOfWork } from '@obolus/testing';
import { randomUUID } from 'node:crypto';
import { SubscribedAccounts } from '../../test-support/subscribed-accounts';
import { ApplyUnpaidCommand } from './apply-unpaid.command';
import { ApplyUnpaidUseCase } from './apply-unpaid.use-case';

describe('ApplyUnpaidUseCase (P4)', () => {
  let world: SubscribedAccounts;
  let applyUnpaid: ApplyUnpaidUseCase;

  beforeEach(() => {
    world = new SubscribedAccounts();
    applyUnpaid = new ApplyUnpaidUseCase(world.catalogs, world.repository);
  });

  const lastTryFailed = (accountId: string, final = true) =>
    ApplyUnpaidCommand.create({ accountId, paymentId: randomUUID(), failedAt: '2027-03-08T09:00:00.000Z', final });

  it('blocks an fr-crm subscription after the last failed try, keeping its edition and data', async () => {
    const accountId = await world.bought('fr-crm', { edition: 'dream-team', term: 'monthly', seats: 2, at: '2027-03-01T09:00:00.000Z' });
    const uow = new RecordingUnitOfWork();
    await applyUnpaid.execute(lastTryFailed(accountId), uow);
    expect(world.row(accountId)).toMatchObject({ status: 'blocked', edition: 'dream-team', seats: 2 });
    expect(uow.dataOf(SubscriptionBlockedV1)).toEqual([expect.objectContaining({ reason: 'unpaid', edition: 'dream-team' })]);
    expect(uow.dataOf(EntitlementsChangedV1)[0]).toMatchObject({ status: 'blocked' });
  });

  it('moves a ro-crm Premium subscription to Standard, free', async () => {
    const accountId = await world.bought('ro-crm', { edition: 'premium', term: 'prepaid-1', seats: 1, at: '2027-03-01T09:00:00.000Z' });
    const uow = new RecordingUnitOfWork();
    await applyUnpaid.execute(lastTryFailed(accountId), uow);
    expect(world.row(accountId)).toMatchObject({ status: 'free', edition: 'standard' });
    expect(uow.dataOf(SubscriptionDowngradedV1)).toEqual([
      expect.objectContaining({ fromEdition: 'premium', toEdition: 'standard', reason: 'unpaid', status: 'free' }),
    ]);
  });

  it('changes nothing for an earlier failed try, a repeat, or a subscription that is not active', async () => {
    const accountId = await world.bought('fr-crm', { edition: 'dream-team', term: 'monthly', seats: 1, at: '2027-03-01T09:00:00.000Z' });
    const early = new RecordingUnitOfWork();
    await applyUnpaid.execute(lastTryFailed(accountId, false), early);
    expect(early.emitted).toHaveLength(0);
    expect(world.row(accountId).status).toBe('active');
    await applyUnpaid.execute(lastTryFailed(accountId), new RecordingUnitOfWork());
    const repeat = new RecordingUnitOfWork();
    await applyUnpaid.execute(lastTryFailed(accountId), repeat);
    expect(repeat.emitted).toHaveLength(0);
    const free = await world.trialRanOut('ro-crm');
    const none = new RecordingUnitOfWork();
    await applyUnpaid.execute(lastTryFailed(free), none);
    expect(none.emitted).toHaveLength(0);
  });
});
