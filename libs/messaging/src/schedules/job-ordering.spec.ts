import { UnitOfWork, UnitOfWorkRunner } from '../unit-of-work';
import { ACCOUNT_LANES, jobLanesOf, JobOrdering, laneOf, mayRunBefore } from './job-ordering';
import { ScheduledJob } from './scheduled-job';
import { ScheduledJobRunner } from './scheduled-job-runner';
import { ScheduledJobsRepository } from './scheduled-jobs.repository';

const at = (minute: number) => new Date(Date.UTC(2026, 11, 23, 8, minute));
const ACCOUNT = 'a';

describe('job ordering lanes', () => {
  const lanes = jobLanesOf(
    new Map<string, JobOrdering>([
      ['upload', { lane: 'account' }],
      ['status', { lane: 'account' }],
      ['alert', { lane: 'deadlines' }],
      ['missed', { lane: 'deadlines' }],
      ['digest', 'unordered'],
    ]),
  );

  it('names only the kinds outside the account lane, and the unordered ones', () => {
    expect(lanes).toEqual({ lanes: { alert: 'deadlines', missed: 'deadlines' }, unordered: ['digest'] });
    expect(['upload', 'status', 'alert', 'digest', 'registered-elsewhere'].map((kind) => laneOf(kind, lanes))).toEqual([
      'account',
      'account',
      'deadlines',
      null,
      'account',
    ]);
  });

  it('holds a job back only behind an earlier pending job of its own lane and account', () => {
    const upload = { id: '1', kind: 'upload', accountId: ACCOUNT, dueAt: at(0) };
    const status = { id: '2', kind: 'status', accountId: ACCOUNT, dueAt: at(5) };
    const alert = { id: '3', kind: 'alert', accountId: ACCOUNT, dueAt: at(10) };
    const missed = { id: '4', kind: 'missed', accountId: ACCOUNT, dueAt: at(20) };
    const digest = { id: '5', kind: 'digest', accountId: ACCOUNT, dueAt: at(30) };
    const pending = [upload, status, alert, missed, digest];
    // The upload retrying holds the status poll (same lane), not the alert (its own lane).
    expect(mayRunBefore(status, pending, lanes)).toBe(false);
    expect(mayRunBefore(alert, pending, lanes)).toBe(true);
    // Within the deadlines lane, due order is kept.
    expect(mayRunBefore(missed, pending, lanes)).toBe(false);
    // Unordered: never waits, and holds nothing back.
    expect(mayRunBefore(digest, pending, lanes)).toBe(true);
    const later = { id: '6', kind: 'upload', accountId: ACCOUNT, dueAt: at(40) };
    expect(mayRunBefore(later, [digest, later], lanes)).toBe(true);
    // Another account's earlier job holds nothing back.
    expect(mayRunBefore(status, [{ ...upload, accountId: 'b' }, status], lanes)).toBe(true);
    // Same instant: the id decides, as in the SQL.
    expect(mayRunBefore({ ...status, dueAt: at(0) }, pending, lanes)).toBe(false);
  });

  it('keeps everything in the account lane when no kind says otherwise', () => {
    const upload = { id: '1', kind: 'upload', accountId: ACCOUNT, dueAt: at(0) };
    const alert = { id: '3', kind: 'alert', accountId: ACCOUNT, dueAt: at(10) };
    expect(mayRunBefore(alert, [upload, alert], ACCOUNT_LANES)).toBe(false);
  });
});

describe('ScheduledJobRunner ordering', () => {
  const uow = {} as UnitOfWork;
  const work = { run: <T>(fn: (u: UnitOfWork) => Promise<T>) => fn(uow) } as unknown as UnitOfWorkRunner;
  const clock = { now: () => at(0) };

  function runnerOver(repository: Partial<ScheduledJobsRepository>): ScheduledJobRunner {
    return new ScheduledJobRunner({ unitOfWork: work, repository: repository as ScheduledJobsRepository, clock });
  }

  it('claims with the lanes its kinds were registered with', async () => {
    const claims: unknown[][] = [];
    const repository: Partial<ScheduledJobsRepository> = {
      claimDueRealTime: (...args: unknown[]) => {
        claims.push(['real-time', ...args.slice(2)]);
        return Promise.resolve(undefined);
      },
      claimDueOnClock: (...args: unknown[]) => {
        claims.push(['clock', ...args.slice(3)]);
        return Promise.resolve(undefined);
      },
      clocksWithDueJobs: () => Promise.resolve(['c1']),
    };
    const runner = runnerOver(repository)
      .register('upload', () => Promise.resolve())
      .register('alert', () => Promise.resolve(), { ordering: { lane: 'deadlines' } })
      .register('digest', () => Promise.resolve(), { ordering: 'unordered' });
    expect(await runner.runDue()).toEqual({ done: 0, failed: 0 });
    const lanes = { lanes: { alert: 'deadlines' }, unordered: ['digest'] };
    expect(claims).toEqual([
      ['real-time', ['upload', 'alert', 'digest'], lanes],
      ['clock', ['upload', 'alert', 'digest'], lanes],
    ]);
  });

  it('runs the job the repository claims, marks it done, and refuses a lane without a name', async () => {
    const job = { id: 'j', kind: 'alert', accountId: ACCOUNT, dueAt: at(0), attempts: 0 } as ScheduledJob;
    let claimed = false;
    const done: string[] = [];
    const runner = runnerOver({
      claimDueRealTime: () => Promise.resolve(claimed ? undefined : ((claimed = true), job)),
      clocksWithDueJobs: () => Promise.resolve([]),
      markDone: (_uow, id) => Promise.resolve(void done.push(id)),
    });
    const ran: string[] = [];
    runner.register('alert', (j) => Promise.resolve(void ran.push(j.id)), { ordering: { lane: 'deadlines' } });
    expect(await runner.runDue()).toEqual({ done: 1, failed: 0 });
    expect(ran).toEqual(['j']);
    expect(done).toEqual(['j']);
    expect(() => runner.register('blank', () => Promise.resolve(), { ordering: { lane: ' ' } })).toThrow(/without a name/);
  });
});
