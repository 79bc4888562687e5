import { Injectable } from '@nestjs/common';
import { calendarDateInZone } from '@obolus/calendar';
import { TrialStartedV1 } from '@obolus/contracts';
import { JobScheduler, UnitOfWork } from '@obolus/messaging';
import { randomUUID } from 'node:crypto';
import { CatalogRegistry } from '../../../catalog/catalog-registry';
import { announceChange } from '../../mappers/subscription-changed';
import { SubscriptionEntity } from '../../entities/subscription.entity';
import { SubscriptionsRepository } from '../../subscriptions.repository';
import { TRIAL_END_JOB, TRIAL_ENDING_NOTICE_JOB, TrialJobPayload, trialEndingNoticeAt, trialEndsAt } from '../../trial-schedule';
import { StartTrialCommand } from './start-trial.command';

/**
 * A new account starts a trial of its catalog's trial edition, as long as its channel gives (T1, T2).
 * In the same unit of work it plans the trial's end (T3), at the start of the day after its last day
 * in the catalog's time zone, and the notice 10 days before that (B6) unless that day has passed.
 */
@Injectable()
export class StartTrialUseCase {
  constructor(
    private readonly catalogs: CatalogRegistry,
    private readonly subscriptions: SubscriptionsRepository,
    private readonly jobs: JobScheduler,
  ) {}

  async execute(command: StartTrialCommand, uow: UnitOfWork): Promise<void> {
    const catalog = this.catalogs.get(command.catalog);
    const startsOn = calendarDateInZone(command.createdAt, catalog.timeZone);
    const trial = this.catalogs.trialFor(catalog, command.signupChannel, startsOn);
    const createdAt = new Date(command.createdAt);
    const subscriptionId = randomUUID();
    const subscription: SubscriptionEntity = {
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
      ownerEmail: command.ownerEmail ?? null,
      locale: command.locale ?? null,
      country: command.country ?? null,
      users: 1,
      pendingEdition: null,
      pendingSeats: null,
      billedThrough: null,
      storageBytes: 0,
      catalogRevision: this.catalogs.revisionOf(catalog.code),
      version: 1,
    };
    if (!(await this.subscriptions.insertIfAbsent(uow, subscription))) return;
    const payload: TrialJobPayload = { subscriptionId, ...(command.locale ? { locale: command.locale } : {}) };
    const job = { key: subscriptionId, accountId: command.accountId, payload };
    await this.jobs.schedule(uow, { ...job, kind: TRIAL_END_JOB, dueAt: trialEndsAt(trial.endsOn, catalog.timeZone) });
    const noticeAt = trialEndingNoticeAt(trial.endsOn, catalog.timeZone);
    if (noticeAt > createdAt) await this.jobs.schedule(uow, { ...job, kind: TRIAL_ENDING_NOTICE_JOB, dueAt: noticeAt });
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
    await announceChange(uow, subscription, catalog, 'trial-started', createdAt);
  }
}
