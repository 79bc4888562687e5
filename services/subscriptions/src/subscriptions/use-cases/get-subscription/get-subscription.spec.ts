import { RecordingUnitOfWork } from '@obolus/testing';
import { randomUUID } from 'node:crypto';
import { CatalogRegistry } from '../../../catalog/catalog-registry';
import { SubscriptionsErrorCode } from '../../subscriptions.errors';
import { SubscriptionsRepository } from '../../subscriptions.repository';
import { InMemoryJobScheduler } from '@obolus/testing';
import { InMemorySubscriptions } from '../../test-support/in-memory-subscriptions';
import { JobScheduler } from '@obolus/messaging';
import { StartTrialCommand } from '../start-trial/start-trial.command';
import { StartTrialUseCase } from '../start-trial/start-trial.use-case';
import { GetSubscriptionCommand } from './get-subscription.command';
import { GetSubscriptionUseCase } from './get-subscription.use-case';

describe('GetSubscriptionUseCase', () => {
  it("answers with the caller's own subscription, and 404 for an account that has none", async () => {
    const subscriptions = new InMemorySubscriptions();
    const repository = subscriptions as unknown as SubscriptionsRepository;
    const mine = randomUUID();
    await new StartTrialUseCase(new CatalogRegistry(), repository, new InMemoryJobScheduler() as unknown as JobScheduler).execute(
      StartTrialCommand.create({ accountId: mine, catalog: 'ro-crm', signupChannel: 'web', createdAt: '2026-03-02T09:00:00Z' }),
      new RecordingUnitOfWork(),
    );
    const get = new GetSubscriptionUseCase(repository);
    await expect(
      get.execute(GetSubscriptionCommand.create({ accountId: mine }), new RecordingUnitOfWork()),
    ).resolves.toMatchObject({
      accountId: mine,
      status: 'trialing',
    });
    await expect(
      get.execute(GetSubscriptionCommand.create({ accountId: randomUUID() }), new RecordingUnitOfWork()),
    ).rejects.toMatchObject({ code: SubscriptionsErrorCode.SubscriptionNotFound, kind: 'not-found' });
  });
});
