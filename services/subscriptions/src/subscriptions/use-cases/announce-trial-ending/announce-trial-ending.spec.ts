import { CatalogCode, TrialEndingV1 } from '@obolus/contracts';
import { JobScheduler } from '@obolus/messaging';
import { RecordingUnitOfWork } from '@obolus/testing';
import { randomUUID } from 'node:crypto';
import { CatalogRegistry } from '../../../catalog/catalog-registry';
import { SubscriptionsRepository } from '../../subscriptions.repository';
import { InMemoryJobScheduler } from '@obolus/testing';
import { InMemorySubscriptions } from '../../test-support/in-memory-subscriptions';
import { TRIAL_ENDING_NOTICE_JOB } from '../../trial-schedule';
import { StartTrialCommand } from '../start-trial/start-trial.command';
import { StartTrialUseCase } from '../start-trial/start-trial.use-case';
import { AnnounceTrialEndingCommand } from './announce-trial-ending.command';
import { AnnounceTrialEndingUseCase } from './announce-trial-ending.use-case';

describe('AnnounceTrialEndingUseCase (B6)', () => {
  let subscriptions: InMemorySubscriptions;
  let jobs: InMemoryJobScheduler;
  let announce: AnnounceTrialEndingUseCase;
  const catalogs = new CatalogRegistry();

  beforeEach(() => {
    subscriptions = new InMemorySubscriptions();
    jobs = new InMemoryJobScheduler();
    announce = new AnnounceTrialEndingUseCase(catalogs, subscriptions as unknown as SubscriptionsRepository);
  });

  async function noticeOf(catalog: CatalogCode, locale?: 'fr' | 'ro' | 'en'): Promise<AnnounceTrialEndingCommand> {
    const accountId = randomUUID();
    await new StartTrialUseCase(
      catalogs,
      subscriptions as unknown as SubscriptionsRepository,
      jobs as unknown as JobScheduler,
    ).execute(
      StartTrialCommand.create({ accountId, catalog, signupChannel: 'web', createdAt: '2026-01-31T23:30:00.000Z', locale }),
      new RecordingUnitOfWork(),
    );
    const job = jobs.pending(TRIAL_ENDING_NOTICE_JOB, subscriptions.rows.get(accountId)!.id)!;
    return AnnounceTrialEndingCommand.create({
      accountId: job.accountId,
      subscriptionId: job.key,
      locale: job.payload.locale as 'ro' | undefined,
    });
  }

  it('announces the end of a ro-crm trial, with its last day, the instant it ends and the sign-up language', async () => {
    const command = await noticeOf('ro-crm', 'ro');
    const uow = new RecordingUnitOfWork();
    await announce.execute(command, uow);
    expect(uow.dataOf(TrialEndingV1)).toEqual([
      {
        accountId: command.accountId,
        subscriptionId: command.subscriptionId,
        catalog: 'ro-crm',
        edition: 'ultimate',
        trialEndsOn: '2026-02-28',
        endsAt: '2026-02-28T22:00:00.000Z',
        locale: 'ro',
      },
    ]);
  });

  it('leaves the locale out when the sign-up did not carry one', async () => {
    const command = await noticeOf('fr-crm');
    const uow = new RecordingUnitOfWork();
    await announce.execute(command, uow);
    const [notice] = uow.dataOf(TrialEndingV1);
    expect(notice).toMatchObject({ catalog: 'fr-crm', trialEndsOn: '2026-02-15', endsAt: '2026-02-15T23:00:00.000Z' });
    expect(notice).not.toHaveProperty('locale');
  });

  it('announces nothing for a subscription that is no longer trialing', async () => {
    const command = await noticeOf('ro-crm', 'ro');
    subscriptions.rows.get(command.accountId)!.status = 'active';
    const uow = new RecordingUnitOfWork();
    await announce.execute(command, uow);
    expect(uow.emitted).toHaveLength(0);
  });
});
