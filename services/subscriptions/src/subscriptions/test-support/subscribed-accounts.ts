import { CatalogCode, Locale, PaymentMethodKind, Term } from '@obolus/contracts';
import { JobScheduler } from '@obolus/messaging';
import { InMemoryAccountClocks, RecordingUnitOfWork, SettableClock } from '@obolus/testing';
import { randomUUID } from 'node:crypto';
import { CatalogRegistry } from '../../catalog/catalog-registry';
import { DuePeriods } from '../due-periods';
import { SubscriptionEntity } from '../entities/subscription.entity';
import { PeriodJobPayload, periodJobKey } from '../period-schedule';
import { PendingChargesRepository } from '../pending-charges.repository';
import { SubscriptionsRepository } from '../subscriptions.repository';
import { TRIAL_END_JOB } from '../trial-schedule';
import { EndTrialCommand } from '../use-cases/end-trial/end-trial.command';
import { EndTrialUseCase } from '../use-cases/end-trial/end-trial.use-case';
import { PurchaseCommand } from '../use-cases/purchase/purchase.command';
import { PurchaseUseCase } from '../use-cases/purchase/purchase.use-case';
import { StartTrialCommand } from '../use-cases/start-trial/start-trial.command';
import { StartTrialUseCase } from '../use-cases/start-trial/start-trial.use-case';
import { InMemoryJobScheduler } from '@obolus/testing';
import { InMemoryPendingCharges } from './in-memory-pending-charges';
import { InMemorySubscriptions } from './in-memory-subscriptions';

export interface TrialOptions {
  /** When the account was created; the trial starts that day. */
  createdAt?: string;
  ownerEmail?: string;
  locale?: Locale;
}

export interface BuyOptions extends TrialOptions {
  edition: string;
  term: Term;
  seats: number;
  /** The instant of the purchase: the clock is set to it, and the first period starts that day. */
  at: string;
  paymentMethod?: PaymentMethodKind;
}

/** What a period job (renewal, expiry, notice) hands its use case, as `subscriptions-jobs.ts` builds it. */
export interface PeriodJobInput {
  accountId: string;
  subscriptionId: string;
  periodEnd: string;
  dueAt: Date;
}

/**
 * The in-memory state of the subscriptions feature and accounts set up in it through the real use
 * cases (a trial started, then bought or run out), for use-case specs.
 */
export class SubscribedAccounts {
  readonly catalogs = new CatalogRegistry();
  readonly subscriptions = new InMemorySubscriptions();
  readonly jobs = new InMemoryJobScheduler();
  readonly charges = new InMemoryPendingCharges();
  readonly clock = new SettableClock(new Date('2027-01-01T09:00:00.000Z'));
  readonly clocks = new InMemoryAccountClocks(this.clock);
  readonly repository = this.subscriptions as unknown as SubscriptionsRepository;
  readonly scheduler = this.jobs as unknown as JobScheduler;
  readonly chargesRepository = this.charges as unknown as PendingChargesRepository;
  readonly duePeriods = new DuePeriods(this.chargesRepository);

  /** Starts a trial (as account.created does) and returns the account id. */
  async trial(catalog: CatalogCode, options: TrialOptions = {}): Promise<string> {
    const accountId = randomUUID();
    await new StartTrialUseCase(this.catalogs, this.repository, this.scheduler).execute(
      StartTrialCommand.create({
        accountId,
        catalog,
        signupChannel: 'web',
        createdAt: options.createdAt ?? this.clock.now().toISOString(),
        ...(options.ownerEmail ? { ownerEmail: options.ownerEmail } : {}),
        ...(options.locale ? { locale: options.locale } : {}),
      }),
      new RecordingUnitOfWork(),
    );
    return accountId;
  }

  /** Starts a trial and buys at `at` (the trial starting then too, unless told); returns the account id. */
  async bought(catalog: CatalogCode, options: BuyOptions): Promise<string> {
    const accountId = await this.trial(catalog, { createdAt: options.at, ...options });
    this.clock.set(options.at);
    await this.purchase().execute(
      PurchaseCommand.create({
        accountId,
        edition: options.edition,
        term: options.term,
        seats: options.seats,
        paymentMethod: options.paymentMethod ?? 'card',
      }),
      new RecordingUnitOfWork(),
    );
    return accountId;
  }

  /** Starts a trial and runs its end (T3): ro-crm is then free on Standard, fr-crm blocked. */
  async trialRanOut(catalog: CatalogCode): Promise<string> {
    const accountId = await this.trial(catalog);
    const job = this.jobs.pending(TRIAL_END_JOB, this.row(accountId).id)!;
    await new EndTrialUseCase(this.catalogs, this.repository).execute(
      EndTrialCommand.create({ accountId, subscriptionId: job.key, endsAt: job.dueAt }),
      new RecordingUnitOfWork(),
    );
    return accountId;
  }

  purchase(): PurchaseUseCase {
    return new PurchaseUseCase(this.catalogs, this.repository, this.clocks, this.scheduler, this.duePeriods);
  }

  /** The stored row (not a copy: a spec may change it to set up a case). */
  row(accountId: string): SubscriptionEntity {
    const row = this.subscriptions.rows.get(accountId);
    if (!row) throw new Error(`no subscription for account ${accountId}`);
    return row;
  }

  /** The pending period job of this kind for the account's current period end, as its runner hands it on. */
  periodJob(kind: string, accountId: string): PeriodJobInput {
    const row = this.row(accountId);
    const job = this.jobs.pending(kind, periodJobKey(row.id, row.currentPeriodEnd!));
    if (!job) throw new Error(`no pending ${kind} job for ${row.id}:${row.currentPeriodEnd}`);
    const payload = job.payload as PeriodJobPayload;
    return { accountId: job.accountId, subscriptionId: payload.subscriptionId, periodEnd: payload.periodEnd, dueAt: job.dueAt };
  }
}
