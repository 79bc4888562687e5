import { TrialStartedV1 } from '@obolus/contracts';
import { InvalidCommandError } from '@obolus/platform';
import { RecordingUnitOfWork } from '@obolus/testing';
import { randomUUID } from 'node:crypto';
import { CatalogRegistry } from '../../../catalog/catalog-registry';
import { SubscriptionsRepository } from '../../subscriptions.repository';
import { InMemoryJobScheduler } from '@obolus/testing';
import { InMemorySubscriptions } from '../../test-support/in-memory-subscriptions';
import { JobScheduler } from '@obolus/messaging';
import { TRIAL_END_JOB, TRIAL_ENDING_NOTICE_JOB } from '../../trial-schedule';
import { StartTrialCommand } from './start-trial.command';
import { StartTrialUseCase } from './start-trial.use-case';

describe('StartTrialUseCase', () => {
  let subscriptions: InMemorySubscriptions;
  let jobs: InMemoryJobScheduler;
  let startTrial: StartTrialUseCase;

  beforeEach(() => {
    subscriptions = new InMemorySubscriptions();
    jobs = new InMemoryJobScheduler();
    startTrial = new StartTrialUseCase(
      new CatalogRegistry(),
      subscriptions as unknown as SubscriptionsRepository,
      jobs as unknown as JobScheduler,
    );
  });

  it('plans the trial end at Bucharest midnight after its last day, and the notice 10 days before (T3, B6)', async () => {
    const accountId = randomUUID();
    await startTrial.execute(
      StartTrialCommand.create({
        accountId,
        catalog: 'ro-crm',
        signupChannel: 'web',
        createdAt: '2026-01-31T23:30:00.000Z',
        locale: 'ro',
      }),
      new RecordingUnitOfWork(),
    );
    const subscriptionId = subscriptions.rows.get(accountId)!.id;
    // The trial's last day is 28 February; it ends when 1 March starts in Bucharest (UTC+2).
    expect(jobs.pending(TRIAL_END_JOB, subscriptionId)).toMatchObject({
      accountId,
      dueAt: new Date('2026-02-28T22:00:00.000Z'),
      payload: { subscriptionId, locale: 'ro' },
    });
    // 10 days before 1 March is 19 February, at Bucharest midnight.
    expect(jobs.pending(TRIAL_ENDING_NOTICE_JOB, subscriptionId)).toMatchObject({
      accountId,
      dueAt: new Date('2026-02-18T22:00:00.000Z'),
    });
  });

  it('plans in the catalog zone across a DST change: a fr-crm trial ending 31 March ends at Paris midnight (UTC+2)', async () => {
    const accountId = randomUUID();
    await startTrial.execute(
      StartTrialCommand.create({ accountId, catalog: 'fr-crm', signupChannel: 'partner', createdAt: '2026-03-02T09:00:00Z' }),
      new RecordingUnitOfWork(),
    );
    const subscriptionId = subscriptions.rows.get(accountId)!.id;
    expect(jobs.pending(TRIAL_END_JOB, subscriptionId)!.dueAt).toEqual(new Date('2026-03-31T22:00:00.000Z'));
    // 22 March is still winter time in Paris (UTC+1).
    expect(jobs.pending(TRIAL_ENDING_NOTICE_JOB, subscriptionId)!.dueAt).toEqual(new Date('2026-03-21T23:00:00.000Z'));
  });

  it('gives a ro-crm account a calendar month of Ultimate, counted in Bucharest (T1)', async () => {
    const uow = new RecordingUnitOfWork();
    const accountId = randomUUID();
    // 23:30 UTC on 31 January is already 1 February in Bucharest.
    await startTrial.execute(
      StartTrialCommand.create({ accountId, catalog: 'ro-crm', signupChannel: 'web', createdAt: '2026-01-31T23:30:00.000Z' }),
      uow,
    );
    expect(subscriptions.rows.get(accountId)).toMatchObject({
      status: 'trialing',
      edition: 'ultimate',
      trialEndsOn: '2026-02-28',
    });
    expect(uow.dataOf(TrialStartedV1)).toEqual([
      expect.objectContaining({ accountId, edition: 'ultimate', trialDays: 28, trialEndsOn: '2026-02-28' }),
    ]);
  });

  it('gives a fr-crm account the trial of its sign-up channel, and the default one for an unknown channel', async () => {
    const uow = new RecordingUnitOfWork();
    const known = randomUUID();
    const unknown = randomUUID();
    await startTrial.execute(
      StartTrialCommand.create({
        accountId: known,
        catalog: 'fr-crm',
        signupChannel: 'partner',
        createdAt: '2026-03-02T09:00:00Z',
      }),
      uow,
    );
    await startTrial.execute(
      StartTrialCommand.create({
        accountId: unknown,
        catalog: 'fr-crm',
        signupChannel: 'zzz',
        createdAt: '2026-03-02T09:00:00Z',
      }),
      uow,
    );
    const [partner, fallback] = uow.dataOf(TrialStartedV1);
    expect(partner).toMatchObject({ edition: 'dream-team', trialDays: 30, trialEndsOn: '2026-03-31' });
    expect(fallback).toMatchObject({ edition: 'dream-team', trialDays: 15, trialEndsOn: '2026-03-16' });
  });

  it('starts one trial for a sign-up delivered twice, and emits one event', async () => {
    const uow = new RecordingUnitOfWork();
    const command = StartTrialCommand.create({
      accountId: randomUUID(),
      catalog: 'ro-crm',
      signupChannel: 'web',
      createdAt: '2026-03-02T09:00:00Z',
    });
    await startTrial.execute(command, uow);
    await startTrial.execute(command, uow);
    expect(subscriptions.rows.size).toBe(1);
    expect(uow.dataOf(TrialStartedV1)).toHaveLength(1);
    expect(jobs.jobs.size).toBe(2);
  });

  it('refuses a command for an unknown catalog, naming the field', () => {
    const create = () =>
      StartTrialCommand.create({
        accountId: randomUUID(),
        catalog: 'xx-crm' as 'ro-crm',
        signupChannel: 'web',
        createdAt: '2026-03-02T09:00:00Z',
      });
    expect(create).toThrow(InvalidCommandError);
    expect(create).toThrow(expect.objectContaining({ fields: [expect.objectContaining({ field: 'catalog' })] }));
  });
});
