import { Injectable } from '@nestjs/common';
import { TrialEndingV1 } from '@obolus/contracts';
import { UnitOfWork } from '@obolus/messaging';
import { CatalogRegistry } from '../../../catalog/catalog-registry';
import { SubscriptionsRepository } from '../../subscriptions.repository';
import { trialEndsAt } from '../../trial-schedule';
import { AnnounceTrialEndingCommand } from './announce-trial-ending.command';

/**
 * B6: 10 days before a trial ends, `trial.ending` tells notifications to e-mail the owner, in the
 * language the account signed up with. A subscription bought meanwhile gets no notice.
 */
@Injectable()
export class AnnounceTrialEndingUseCase {
  constructor(
    private readonly catalogs: CatalogRegistry,
    private readonly subscriptions: SubscriptionsRepository,
  ) {}

  async execute(command: AnnounceTrialEndingCommand, uow: UnitOfWork): Promise<void> {
    const subscription = await this.subscriptions.findByAccount(uow, command.accountId);
    if (!subscription || subscription.id !== command.subscriptionId || subscription.status !== 'trialing') return;
    if (!subscription.trialEndsOn) return;
    const catalog = this.catalogs.get(subscription.catalog);
    await uow.emit(TrialEndingV1, {
      accountId: command.accountId,
      subject: subscription.id,
      data: {
        accountId: command.accountId,
        subscriptionId: subscription.id,
        catalog: catalog.code,
        edition: subscription.edition,
        trialEndsOn: subscription.trialEndsOn,
        endsAt: trialEndsAt(subscription.trialEndsOn, catalog.timeZone).toISOString(),
        ...(command.locale ? { locale: command.locale } : {}),
        ...(subscription.ownerEmail ? { ownerEmail: subscription.ownerEmail } : {}),
      },
    });
  }
}
