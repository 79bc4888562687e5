import { CatalogCode, SubscriptionBlockedV1, SubscriptionDowngradedV1, TrialEndedV1 } from '@obolus/contracts';
import { JobScheduler } from '@obolus/messaging';
import { InvalidCommandError } from '@obolus/platform';
import { InMemoryAccountClocks, RecordingUnitOfWork, SettableClock } from '@obolus/testing';
import { randomUUID } from 'node:crypto';
import { CatalogRegistry } from '../../../catalog/catalog-registry';
import { DuePeriods } from '../../due-periods';
import { PendingChargesRepository } from '../../pending-charges.repository';
import { InMemoryPendingCharges } from '../../test-support/in-memory-pending-charges';
import { SubscriptionsRepository } from '../../subscriptions.repository';
import { InMemoryJobScheduler } from '@obolus/testing';
import { InMemorySubscriptions } from '../../test-support/in-memory-subscriptions';
import { TRIAL_END_JOB, TRIAL_ENDING_NOTICE_JOB } from '../../trial-schedule';
import { PurchaseCommand } from '../purchase/purchase.command';
import { PurchaseUseCase } from '../purchase/purchase.use-case';
import { StartTrialCommand } from '../start-trial/start-trial.command';
import { StartTrialUseCase } from '../start-trial/start-trial.use-case';
import { EndTrialCommand } from './end-trial.command';
import { EndTrialUseCase } from './end-trial.use-case';

describe('EndTrialUseCase (T3)', () => {
  let subscriptions: InMemorySubscriptions;
  let jobs: InMemoryJobScheduler;
  let endTrial: EndTrialUseCase;
  const catalogs = new CatalogRegistry();

  beforeEach(() => {
    subscriptions = new InMemorySubscriptions();
    jobs = new InMemoryJobScheduler();
    endTrial = new EndTrialUseCase(catalogs, subscriptions as unknown as SubscriptionsRepository);
  });

  /** Starts a trial and returns the command its trial-end job would build. */
  async function trial(catalog: CatalogCode): Promise<EndTrialCommand> {
    const accountId = randomUUID();
    const repository = subscriptions as unknown as SubscriptionsRepository;
    await new StartTrialUseCase(catalogs, repository, jobs as unknown as JobScheduler).execute(
      StartTrialCommand.create({ accountId, catalog, signupChannel: 'web', createdAt: '2026-01-31T23:30:00.000Z' }),
      new RecordingUnitOfWork(),
    );
    const subscriptionId = subscriptions.rows.get(accountId)!.id;
    const job = jobs.pending(TRIAL_END_JOB, subscriptionId)!;
    return EndTrialCommand.create({ accountId: job.accountId, subscriptionId: job.key, endsAt: job.dueAt });
  }

  it('moves a ro-crm trial to Standard, free, and says so with trial.ended and subscription.downgraded', async () => {
    const command = await trial('ro-crm');
    const uow = new RecordingUnitOfWork();
    await endTrial.execute(command, uow);
    expect(subscriptions.rows.get(command.accountId)).toMatchObject({
      edition: 'standard',
      status: 'free',
      trialEndsOn: '2026-02-28',
      updatedAt: new Date('2026-02-28T22:00:00.000Z'),
    });
    expect(uow.dataOf(TrialEndedV1)).toEqual([
      {
        accountId: command.accountId,
        subscriptionId: command.subscriptionId,
        catalog: 'ro-crm',
        edition: 'ultimate',
        trialEndsOn: '2026-02-28',
        outcome: 'downgraded',
        freeEdition: 'standard',
        endedAt: '2026-02-28T22:00:00.000Z',
      },
    ]);
    expect(uow.dataOf(SubscriptionDowngradedV1)).toEqual([
      {
        accountId: command.accountId,
        subscriptionId: command.subscriptionId,
        catalog: 'ro-crm',
        fromEdition: 'ultimate',
        toEdition: 'standard',
        status: 'free',
        reason: 'trial-ended',
        effectiveAt: '2026-02-28T22:00:00.000Z',
      },
    ]);
    expect(uow.dataOf(SubscriptionBlockedV1)).toHaveLength(0);
  });

  it('blocks a fr-crm trial, keeping its edition and data, with trial.ended and subscription.blocked', async () => {
    const command = await trial('fr-crm');
    const uow = new RecordingUnitOfWork();
    await endTrial.execute(command, uow);
    expect(subscriptions.rows.get(command.accountId)).toMatchObject({ edition: 'dream-team', status: 'blocked', seats: 1 });
    expect(uow.dataOf(TrialEndedV1)).toEqual([expect.objectContaining({ outcome: 'blocked', edition: 'dream-team' })]);
    expect(uow.dataOf(SubscriptionBlockedV1)).toEqual([
      {
        accountId: command.accountId,
        subscriptionId: command.subscriptionId,
        catalog: 'fr-crm',
        edition: 'dream-team',
        reason: 'trial-ended',
        blockedAt: command.endsAt.toISOString(),
      },
    ]);
    expect(uow.dataOf(SubscriptionDowngradedV1)).toHaveLength(0);
  });

  it('does nothing to a subscription bought meanwhile, and the purchase cancelled both trial jobs', async () => {
    const command = await trial('ro-crm');
    const purchase = new PurchaseUseCase(
      catalogs,
      subscriptions as unknown as SubscriptionsRepository,
      new InMemoryAccountClocks(new SettableClock(new Date('2026-02-10T10:00:00Z'))),
      jobs as unknown as JobScheduler,
      new DuePeriods(new InMemoryPendingCharges() as unknown as PendingChargesRepository),
    );
    await purchase.execute(
      PurchaseCommand.create({
        accountId: command.accountId,
        edition: 'premium',
        term: 'prepaid-1',
        seats: 1,
        paymentMethod: 'card',
      }),
      new RecordingUnitOfWork(),
    );
    expect(jobs.pending(TRIAL_END_JOB, command.subscriptionId)).toBeUndefined();
    expect(jobs.pending(TRIAL_ENDING_NOTICE_JOB, command.subscriptionId)).toBeUndefined();
    const before = { ...subscriptions.rows.get(command.accountId)! };
    const uow = new RecordingUnitOfWork();
    await endTrial.execute(command, uow);
    expect(subscriptions.rows.get(command.accountId)).toEqual(before);
    expect(uow.emitted).toHaveLength(0);
  });

  it('ends a trial once: a second run (a job run again after a crash) changes and emits nothing', async () => {
    const command = await trial('fr-crm');
    await endTrial.execute(command, new RecordingUnitOfWork());
    const uow = new RecordingUnitOfWork();
    await endTrial.execute(command, uow);
    expect(subscriptions.rows.get(command.accountId)!.status).toBe('blocked');
    expect(uow.emitted).toHaveLength(0);
  });

  it('ignores a job whose subscription is not the account one, or whose account has none', async () => {
    const command = await trial('ro-crm');
    const uow = new RecordingUnitOfWork();
    await endTrial.execute(EndTrialCommand.create({ ...command, subscriptionId: randomUUID() }), uow);
    await endTrial.execute(EndTrialCommand.create({ ...command, accountId: randomUUID() }), uow);
    expect(subscriptions.rows.get(command.accountId)!.status).toBe('trialing');
    expect(uow.emitted).toHaveLength(0);
  });

  it('refuses a command without ids, naming the fields', () => {
    const create = () =>
      EndTrialCommand.create({ accountId: 'x', subscriptionId: 'y', endsAt: new Date('2026-01-01T00:00:00Z') });
    expect(create).toThrow(InvalidCommandError);
    expect(create).toThrow(
      expect.objectContaining({
        fields: [expect.objectContaining({ field: 'accountId' }), expect.objectContaining({ field: 'subscriptionId' })],
      }),
    );
  });
});
