import { Injectable } from '@nestjs/common';
import { calendarDateInZone } from '@obolus/calendar';
import { AccountCreatedV1Data, CloudEvent, TrialStartedV1 } from '@obolus/contracts';
import { EventHandlerContext } from '@obolus/messaging';
import { randomUUID } from 'node:crypto';
import { CatalogRegistry } from '../../../catalog/catalog-registry';
import { SubscriptionsRepository } from '../../subscriptions.repository';

/** A new account starts a trial of its catalog's trial edition, as long as its channel gives (T1, T2). */
@Injectable()
export class StartTrialUseCase {
  constructor(
    private readonly catalogs: CatalogRegistry,
    private readonly subscriptions: SubscriptionsRepository,
  ) {}

  async execute(event: CloudEvent<AccountCreatedV1Data>, { manager, emit }: EventHandlerContext): Promise<void> {
    const account = event.data;
    const catalog = this.catalogs.get(account.catalog);
    const startsOn = calendarDateInZone(account.createdAt, catalog.timeZone);
    const trial = this.catalogs.trialFor(catalog, account.signupChannel, startsOn);
    const now = new Date(account.createdAt);
    const subscriptionId = randomUUID();
    const inserted = await this.subscriptions.insertIfAbsent(manager, {
      id: subscriptionId,
      accountId: account.accountId,
      catalog: catalog.code,
      edition: trial.edition,
      status: 'trialing',
      term: null,
      seats: 1,
      paymentMethod: null,
      currency: catalog.currency,
      trialEndsOn: trial.endsOn,
      currentPeriodStart: null,
      currentPeriodEnd: null,
      createdAt: now,
      updatedAt: now,
      version: 1,
    });
    if (!inserted) return;
    await emit(TrialStartedV1, {
      accountId: account.accountId,
      subject: subscriptionId,
      data: {
        accountId: account.accountId,
        subscriptionId,
        catalog: catalog.code,
        edition: trial.edition,
        trialDays: trial.days,
        trialEndsOn: trial.endsOn,
        startedAt: account.createdAt,
      },
    });
  }
}
