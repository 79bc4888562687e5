import { Injectable } from '@nestjs/common';
import { calendarDateInZone } from '@obolus/calendar';
import { TrialStartedV1 } from '@obolus/contracts';
import { UnitOfWork } from '@obolus/messaging';
import { randomUUID } from 'node:crypto';
import { CatalogRegistry } from '../../../catalog/catalog-registry';
import { SubscriptionsRepository } from '../../subscriptions.repository';
import { StartTrialCommand } from './start-trial.command';

/** A new account starts a trial of its catalog's trial edition, as long as its channel gives (T1, T2). */
@Injectable()
export class StartTrialUseCase {
  constructor(
    private readonly catalogs: CatalogRegistry,
    private readonly subscriptions: SubscriptionsRepository,
  ) {}

  async execute(command: StartTrialCommand, uow: UnitOfWork): Promise<void> {
    const catalog = this.catalogs.get(command.catalog);
    const startsOn = calendarDateInZone(command.createdAt, catalog.timeZone);
    const trial = this.catalogs.trialFor(catalog, command.signupChannel, startsOn);
    const createdAt = new Date(command.createdAt);
    const subscriptionId = randomUUID();
    const inserted = await this.subscriptions.insertIfAbsent(uow, {
      id: subscriptionId,
      accountId: command.accountId,
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
      createdAt,
      updatedAt: createdAt,
      version: 1,
    });
    if (!inserted) return;
    await uow.emit(TrialStartedV1, {
      accountId: command.accountId,
      subject: subscriptionId,
      data: {
        accountId: command.accountId,
        subscriptionId,
        catalog: catalog.code,
        edition: trial.edition,
        trialDays: trial.days,
        trialEndsOn: trial.endsOn,
        startedAt: command.createdAt,
      },
    });
  }
}
