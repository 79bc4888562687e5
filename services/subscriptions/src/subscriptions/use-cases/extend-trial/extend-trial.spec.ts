import { StaffActionTakenV1, SubscriptionChangedV1, TrialEndedV1, TrialEndingV1 } from '@obolus/contracts';
import { InvalidCommandError } from '@obolus/platform';
import { RecordingUnitOfWork } from '@obolus/testing';
import { randomUUID } from 'node:crypto';
import { StaffRequestsRepository } from '../../staff-requests.repository';
import { SubscriptionsErrorCode } from '../../subscriptions.errors';
import { InMemoryStaffRequests } from '../../test-support/in-memory-staff-requests';
import { SUPPORT } from '../../test-support/staff';
import { SubscribedAccounts } from '../../test-support/subscribed-accounts';
import { extendedTrialJobKey, TRIAL_END_JOB, TRIAL_ENDING_NOTICE_JOB } from '../../trial-schedule';
import { AnnounceTrialEndingCommand } from '../announce-trial-ending/announce-trial-ending.command';
import { AnnounceTrialEndingUseCase } from '../announce-trial-ending/announce-trial-ending.use-case';
import { EndTrialCommand } from '../end-trial/end-trial.command';
import { EndTrialUseCase } from '../end-trial/end-trial.use-case';
import { PurchaseCommand } from '../purchase/purchase.command';
import { ExtendTrialCommand } from './extend-trial.command';
import { ExtendTrialUseCase } from './extend-trial.use-case';

describe('ExtendTrialUseCase (staff extend a trial)', () => {
  let accounts: SubscribedAccounts;
  let extendTrial: ExtendTrialUseCase;
  let requests: InMemoryStaffRequests;

  const extend = (accountId: string, days: number, uow = new RecordingUnitOfWork()) =>
    extendTrial.execute(
      ExtendTrialCommand.create({ ...SUPPORT, reason: 'Evaluation delayed by the customer', accountId, days }),
      uow,
    );

  /** An fr-crm trial from 2027-01-01 (Paris): its last day is 2027-01-15, its notice due 2027-01-06. */
  const frTrial = () => accounts.trial('fr-crm', { createdAt: '2027-01-01T09:00:00.000Z', locale: 'fr' });

  const endTrial = (
    accountId: string,
    job: { key: string; dueAt: Date; payload: Record<string, unknown> },
    uow: RecordingUnitOfWork,
  ) =>
    new EndTrialUseCase(accounts.catalogs, accounts.repository).execute(
      EndTrialCommand.create({ accountId, subscriptionId: job.payload['subscriptionId'] as string, endsAt: job.dueAt }),
      uow,
    );

  beforeEach(() => {
    accounts = new SubscribedAccounts();
    accounts.clock.set('2027-01-02T08:00:00.000Z');
    requests = new InMemoryStaffRequests();
    extendTrial = new ExtendTrialUseCase(
      accounts.catalogs,
      accounts.repository,
      accounts.clocks,
      accounts.scheduler,
      requests as unknown as StaffRequestsRepository,
    );
  });

  it('moves the last day, the trial end and its notice, and says who did it and why', async () => {
    const accountId = await frTrial();
    const { id } = accounts.row(accountId);
    expect(accounts.row(accountId).trialEndsOn).toBe('2027-01-15');
    const uow = new RecordingUnitOfWork();
    const saved = await extend(accountId, 14, uow);
    expect(saved).toMatchObject({ status: 'trialing', trialEndsOn: '2027-01-29' });
    expect(accounts.row(accountId).trialEndsOn).toBe('2027-01-29');
    // The day after the last one, and 10 days before that, at midnight in Paris (UTC+1 in winter).
    expect(accounts.jobs.pending(TRIAL_END_JOB, id)!.dueAt).toEqual(new Date('2027-01-29T23:00:00.000Z'));
    expect(accounts.jobs.pending(TRIAL_ENDING_NOTICE_JOB, id)!.dueAt).toEqual(new Date('2027-01-19T23:00:00.000Z'));
    expect(uow.dataOf(SubscriptionChangedV1)).toEqual([
      expect.objectContaining({ change: 'trial-extended', status: 'trialing', edition: saved.edition }),
    ]);
    expect(uow.dataOf(StaffActionTakenV1)).toEqual([
      {
        accountId,
        staffUserId: SUPPORT.staffUserId,
        staffEmail: SUPPORT.staffEmail,
        action: 'trial.extended',
        reason: 'Evaluation delayed by the customer',
        subject: { type: 'subscription', id },
        details: { days: 14, previousTrialEndsOn: '2027-01-15', trialEndsOn: '2027-01-29' },
        occurredAt: '2027-01-02T08:00:00.000Z',
      },
    ]);
  });

  it('plans the notice again when it went out already, and a second extension moves that one', async () => {
    const accountId = await frTrial();
    const { id } = accounts.row(accountId);
    accounts.clock.set('2027-01-08T08:00:00.000Z');
    const notice = accounts.jobs.pending(TRIAL_ENDING_NOTICE_JOB, id)!;
    notice.status = 'done';
    await extend(accountId, 30);
    expect(accounts.jobs.pending(TRIAL_ENDING_NOTICE_JOB, id)).toBeUndefined();
    const again = accounts.jobs.pending(TRIAL_ENDING_NOTICE_JOB, extendedTrialJobKey(id, '2027-02-14'))!;
    expect(again).toMatchObject({
      accountId,
      dueAt: new Date('2027-02-04T23:00:00.000Z'),
      payload: { subscriptionId: id, locale: 'fr' },
    });
    await extend(accountId, 5);
    expect(accounts.jobs.pending(TRIAL_ENDING_NOTICE_JOB, extendedTrialJobKey(id, '2027-02-14'))!.dueAt).toEqual(
      new Date('2027-02-09T23:00:00.000Z'),
    );
    // The notice names the new last day.
    const uow = new RecordingUnitOfWork();
    await new AnnounceTrialEndingUseCase(accounts.catalogs, accounts.repository).execute(
      AnnounceTrialEndingCommand.create({ accountId, subscriptionId: id, locale: 'fr' }),
      uow,
    );
    expect(uow.dataOf(TrialEndingV1)).toEqual([expect.objectContaining({ trialEndsOn: '2027-02-19' })]);
  });

  it('ends the trial at its new end only: a job claimed for the old end does nothing', async () => {
    const accountId = await frTrial();
    const { id } = accounts.row(accountId);
    const oldJob = { ...accounts.jobs.pending(TRIAL_END_JOB, id)! };
    await extend(accountId, 7);
    const early = new RecordingUnitOfWork();
    await endTrial(accountId, oldJob, early);
    expect(early.emitted).toHaveLength(0);
    expect(accounts.row(accountId).status).toBe('trialing');
    const due = new RecordingUnitOfWork();
    await endTrial(accountId, accounts.jobs.pending(TRIAL_END_JOB, id)!, due);
    expect(due.dataOf(TrialEndedV1)).toEqual([expect.objectContaining({ trialEndsOn: '2027-01-22', outcome: 'blocked' })]);
  });

  it('plans the end under the extension key when the first end job is no longer pending, and a purchase cancels it', async () => {
    const accountId = await frTrial();
    const { id } = accounts.row(accountId);
    accounts.jobs.pending(TRIAL_END_JOB, id)!.status = 'failed';
    await extend(accountId, 10);
    const key = extendedTrialJobKey(id, '2027-01-25');
    expect(accounts.jobs.pending(TRIAL_END_JOB, key)!.dueAt).toEqual(new Date('2027-01-25T23:00:00.000Z'));
    await accounts
      .purchase()
      .execute(
        PurchaseCommand.create({ accountId, edition: 'dream-team', term: 'monthly', seats: 1, paymentMethod: 'card' }),
        new RecordingUnitOfWork(),
      );
    expect(accounts.jobs.pending(TRIAL_END_JOB, key)).toBeUndefined();
    expect(accounts.jobs.pending(TRIAL_ENDING_NOTICE_JOB, id)).toBeUndefined();
  });

  it('refuses a subscription that is not trialing (409), writing nothing, and an account without one', async () => {
    const bought = await accounts.bought('fr-crm', {
      edition: 'dream-team',
      term: 'monthly',
      seats: 1,
      at: '2027-01-05T10:00:00.000Z',
    });
    const before = { ...accounts.row(bought) };
    const uow = new RecordingUnitOfWork();
    await expect(extend(bought, 5, uow)).rejects.toMatchObject({ code: SubscriptionsErrorCode.NotTrialing, kind: 'conflict' });
    expect(uow.emitted).toHaveLength(0);
    expect(accounts.row(bought)).toEqual(before);
    await expect(extend(await accounts.trialRanOut('ro-crm'), 5)).rejects.toMatchObject({
      code: SubscriptionsErrorCode.NotTrialing,
    });
    await expect(extend(randomUUID(), 5)).rejects.toMatchObject({ code: SubscriptionsErrorCode.SubscriptionNotFound });
  });

  it('answers a retry under the same Idempotency-Key without extending again, and refuses the key for another request', async () => {
    const accountId = await frTrial();
    const keyed = (days: number, uow = new RecordingUnitOfWork()) =>
      extendTrial.execute(
        ExtendTrialCommand.create({ ...SUPPORT, reason: 'Evaluation delayed', accountId, days, idempotencyKey: 'ext-1' }),
        uow,
      );
    expect((await keyed(14)).trialEndsOn).toBe('2027-01-29');
    const retry = new RecordingUnitOfWork();
    expect(await keyed(14, retry)).toMatchObject({ trialEndsOn: '2027-01-29' });
    expect(retry.emitted).toHaveLength(0);
    expect(accounts.row(accountId).trialEndsOn).toBe('2027-01-29');
    await expect(keyed(20)).rejects.toMatchObject({ code: SubscriptionsErrorCode.IdempotencyKeyReused });
    expect(accounts.row(accountId).trialEndsOn).toBe('2027-01-29');
    // Another key is another extension.
    await extendTrial.execute(
      ExtendTrialCommand.create({ ...SUPPORT, reason: 'Evaluation delayed', accountId, days: 1, idempotencyKey: 'ext-2' }),
      new RecordingUnitOfWork(),
    );
    expect(accounts.row(accountId).trialEndsOn).toBe('2027-01-30');
  });

  it('takes 1 to 90 whole days and a reason', () => {
    const accountId = randomUUID();
    for (const days of [0, 91, 1.5]) {
      expect(() => ExtendTrialCommand.create({ ...SUPPORT, accountId, days })).toThrow(InvalidCommandError);
    }
    expect(() => ExtendTrialCommand.create({ ...SUPPORT, accountId, days: 90, reason: 'no' })).toThrow(InvalidCommandError);
    expect(() => ExtendTrialCommand.create({ ...SUPPORT, accountId, days: 1, idempotencyKey: 'a b' })).toThrow(
      InvalidCommandError,
    );
    expect(ExtendTrialCommand.create({ ...SUPPORT, accountId, days: 1 }).days).toBe(1);
  });
});
