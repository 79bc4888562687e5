import { Type } from '@sinclair/typebox';
import { defineEvent } from '@obolus/contracts';
import {
  createServiceDataSource,
  openServiceDataSource,
  provisionServiceDatabases,
  quoteIdent,
  serviceConnectionUrl,
  serviceDatabaseNames,
} from '@obolus/database';
import { SettableClock, uniqueSuffix, waitFor } from '@obolus/testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import {
  AccountClocks,
  JobHandler,
  JobScheduler,
  MESSAGING_MIGRATIONS,
  OutboxWriter,
  PermanentEventError,
  ScheduledJob,
  ScheduledJobRunner,
  ScheduledJobsRepository,
  ScheduleError,
  TransientEventError,
  UnitOfWorkRunner,
} from '../src';

// A schema (and role) of this file's own, dropped at the end.
const SERVICE = `schedules-test-${uniqueSuffix()}`;
const { schema, role } = serviceDatabaseNames(SERVICE);
const adminUrl = process.env.DATABASE_ADMIN_URL!;

const DAY = 86_400_000;
const days = (from: Date, n: number): Date => new Date(from.getTime() + n * DAY);

const JobRan = defineEvent({
  type: 'obolus.schedules-test.job.ran.v1',
  topic: 'test.schedules.v1',
  source: '/obolus/schedules-test',
  summary: 'A scheduled job ran (test event)',
  data: Type.Object(
    { kind: Type.String(), key: Type.String(), dueAt: Type.String(), runner: Type.String(), businessNow: Type.String() },
    { additionalProperties: false },
  ),
});

interface Effect {
  seq: number;
  kind: string;
  key: string;
  dueAt: string;
  runner: string;
  businessNow: string;
  accountId: string;
}

describe('durable schedules on the real database', () => {
  let dataSource: DataSource;
  const clock = new SettableClock(new Date('2026-06-01T12:00:00.000Z'));
  const outbox = new OutboxWriter(schema, () => clock.now());
  const repository = new ScheduledJobsRepository(schema);
  const scheduler = new JobScheduler(repository);
  const accountClocks = new AccountClocks(repository, clock);
  let work: UnitOfWorkRunner;
  const runners: ScheduledJobRunner[] = [];

  beforeAll(async () => {
    await provisionServiceDatabases({ adminUrl, services: [SERVICE] });
    dataSource = await openServiceDataSource(
      createServiceDataSource({
        service: SERVICE,
        url: serviceConnectionUrl(adminUrl, SERVICE),
        migrations: MESSAGING_MIGRATIONS,
      }),
    );
    work = new UnitOfWorkRunner(dataSource, outbox);
  });

  beforeEach(async () => {
    clock.set('2026-06-01T12:00:00.000Z');
    await dataSource.query(
      `TRUNCATE "${schema}".scheduled_jobs, "${schema}".test_clock_times, "${schema}".account_clocks, "${schema}".outbox`,
    );
  });

  afterEach(async () => {
    while (runners.length) await runners.pop()!.stop();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    const admin = new Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      await admin.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`);
      await admin.query(`DROP OWNED BY ${quoteIdent(role)}`);
      await admin.query(`DROP ROLE IF EXISTS ${quoteIdent(role)}`);
    } finally {
      await admin.end();
    }
  });

  /** A handler whose effect is one outbox event naming the job and the runner. */
  const emitting =
    (runner: string, after?: JobHandler): JobHandler =>
    async (job, uow) => {
      await uow.emit(JobRan, {
        accountId: job.accountId,
        data: {
          kind: job.kind,
          key: job.key,
          dueAt: job.dueAt.toISOString(),
          runner,
          businessNow: (await accountClocks.now(uow, job.accountId)).toISOString(),
        },
      });
      await after?.(job, uow);
    };

  function newRunner(handlers: Record<string, JobHandler>, pollIntervalMs = 1000): ScheduledJobRunner {
    const runner = new ScheduledJobRunner({ unitOfWork: work, repository, clock, pollIntervalMs });
    for (const [kind, handler] of Object.entries(handlers)) runner.register(kind, handler);
    runners.push(runner);
    return runner;
  }

  async function effects(): Promise<Effect[]> {
    const rows: { seq: string; envelope: { accountid: string; data: Omit<Effect, 'seq' | 'accountId'> } }[] =
      await dataSource.query(`SELECT seq, envelope FROM "${schema}".outbox ORDER BY seq`);
    return rows.map((row) => ({ seq: Number(row.seq), accountId: row.envelope.accountid, ...row.envelope.data }));
  }

  async function job(kind: string, key: string): Promise<ScheduledJob> {
    const found = await work.run((uow) => scheduler.find(uow, kind, key));
    if (!found) throw new Error(`no job ${kind}/${key}`);
    return found;
  }

  async function countByStatus(): Promise<Record<string, number>> {
    const rows: { status: string; n: number }[] = await dataSource.query(
      `SELECT status, count(*)::int AS n FROM "${schema}".scheduled_jobs GROUP BY status`,
    );
    return Object.fromEntries(rows.map((row) => [row.status, row.n]));
  }

  it('two runners started at once run each of 300 due jobs exactly once, and each account in due order', async () => {
    const accounts = Array.from({ length: 30 }, () => randomUUID());
    const planned = new Map<string, string[]>(); // account -> keys in due order
    await work.run(async (uow) => {
      for (let i = 0; i < 300; i++) {
        const accountId = accounts[i % 30]!;
        const key = `job-${i}`;
        // Due between 300 and 1 minutes ago, in i order.
        const scheduled = await scheduler.schedule(uow, {
          kind: 'effect',
          key,
          accountId,
          dueAt: new Date(clock.now().getTime() - (300 - i) * 60_000),
        });
        expect(scheduled).toBe(true);
        planned.set(accountId, [...(planned.get(accountId) ?? []), key]);
      }
    });

    const a = newRunner({ effect: emitting('a') }, 20);
    const b = newRunner({ effect: emitting('b') }, 20);
    a.start();
    b.start();
    await waitFor(async () => (await countByStatus()).done === 300, { timeoutMs: 60_000, what: '300 jobs done' });
    await Promise.all([a.stop(), b.stop()]);

    const ran = await effects();
    expect(ran).toHaveLength(300);
    expect(new Set(ran.map((effect) => effect.key)).size).toBe(300);
    expect(await countByStatus()).toEqual({ done: 300 });
    // Both took part: the claims really competed.
    const byRunner = (name: string) => ran.filter((effect) => effect.runner === name).length;
    expect(byRunner('a')).toBeGreaterThan(0);
    expect(byRunner('b')).toBeGreaterThan(0);
    expect(byRunner('a') + byRunner('b')).toBe(300);
    // Within an account, effects were written in due order even with two runners.
    for (const accountId of accounts) {
      expect(ran.filter((effect) => effect.accountId === accountId).map((effect) => effect.key)).toEqual(planned.get(accountId));
    }
  });

  it('runs a job that fell due while no runner ran as soon as a runner starts', async () => {
    const accountId = randomUUID();
    await work.run((uow) =>
      scheduler.schedule(uow, { kind: 'effect', key: 'later', accountId, dueAt: new Date(clock.now().getTime() + 3_600_000) }),
    );
    // Not due yet: a pass finds nothing.
    expect(await newRunner({ effect: emitting('early') }).runDue()).toEqual({ done: 0, failed: 0 });
    expect(await effects()).toHaveLength(0);

    // Two hours pass with no runner at all; then one starts.
    clock.advance(2 * 3_600_000);
    const runner = newRunner({ effect: emitting('late') }, 50);
    runner.start();
    await waitFor(async () => (await job('effect', 'later')).status === 'done', { what: 'the missed job to run' });
    await runner.stop();
    const ran = await effects();
    expect(ran.map((effect) => [effect.key, effect.runner])).toEqual([['later', 'late']]);
    expect((await job('effect', 'later')).doneAt).toEqual(clock.now());
  });

  it('keeps no effect of a failing handler; the job waits for a retry, or fails for good when the failure is permanent', async () => {
    const accountId = randomUUID();
    const dueAt = new Date(clock.now().getTime() - 60_000);
    let failuresLeft = 1;
    const flaky = emitting('r', async () => {
      if (failuresLeft-- > 0) throw new Error('boom');
    });
    const permanent = emitting('r', async () => {
      throw new PermanentEventError('no such plan');
    });
    const transient = emitting('r', async () => {
      throw new TransientEventError('smtp unavailable');
    });
    const buggy = emitting('r', async () => {
      throw new TypeError('x is undefined');
    });
    const runner = newRunner({ flaky, permanent, transient, buggy });
    await work.run(async (uow) => {
      await scheduler.schedule(uow, { kind: 'flaky', key: 'f', accountId, dueAt });
      await scheduler.schedule(uow, { kind: 'permanent', key: 'p', accountId: randomUUID(), dueAt });
      await scheduler.schedule(uow, { kind: 'transient', key: 't', accountId: randomUUID(), dueAt });
      await scheduler.schedule(uow, { kind: 'buggy', key: 'u', accountId: randomUUID(), dueAt });
    });

    expect(await runner.runDue()).toEqual({ done: 0, failed: 4 });
    expect(await effects()).toHaveLength(0); // every handler emitted before it threw: all rolled back

    const f = await job('flaky', 'f');
    expect(f).toMatchObject({ status: 'pending', attempts: 1, lastError: 'Error: boom', dueAt });
    expect(f.retryAt!.getTime()).toBeGreaterThanOrEqual(clock.now().getTime() + 500);
    expect(f.retryAt!.getTime()).toBeLessThanOrEqual(clock.now().getTime() + 1_000);
    const p = await job('permanent', 'p');
    expect(p).toMatchObject({ status: 'failed', attempts: 1, retryAt: null, doneAt: clock.now() });
    expect(p.lastError).toContain('no such plan');

    // Nothing is due until the waits are over.
    expect(await runner.runDue()).toEqual({ done: 0, failed: 0 });

    // Five minutes at a time: the flaky job succeeds once; the bug fails for good after 5 runs; the
    // transient failure keeps being retried.
    for (let i = 0; i < 7; i++) {
      clock.advance(5 * 60_000);
      await runner.runDue();
    }
    expect(await job('flaky', 'f')).toMatchObject({ status: 'done', attempts: 1, retryAt: null });
    expect(await job('buggy', 'u')).toMatchObject({ status: 'failed', attempts: 5, lastError: 'TypeError: x is undefined' });
    expect(await job('transient', 't')).toMatchObject({ status: 'pending', attempts: 8 });
    expect((await effects()).map((effect) => effect.key)).toEqual(['f']);
  });

  it('holds an account’s later jobs while an earlier one waits for a retry', async () => {
    const accountId = randomUUID();
    let failing = true;
    const runner = newRunner({
      first: emitting('r', async () => {
        if (failing) throw new TransientEventError('down');
      }),
      second: emitting('r'),
    });
    await work.run(async (uow) => {
      await scheduler.schedule(uow, { kind: 'first', key: '1', accountId, dueAt: new Date(clock.now().getTime() - 2_000) });
      await scheduler.schedule(uow, { kind: 'second', key: '2', accountId, dueAt: new Date(clock.now().getTime() - 1_000) });
    });
    expect(await runner.runDue()).toEqual({ done: 0, failed: 1 });
    expect((await job('second', '2')).status).toBe('pending');
    failing = false;
    clock.advance(60_000);
    expect(await runner.runDue()).toEqual({ done: 2, failed: 0 });
    expect((await effects()).map((effect) => effect.key)).toEqual(['1', '2']);
  });

  it('lets a kind with a lane of its own, or unordered, run while the account lane waits for a retry; each lane keeps due order', async () => {
    const accountId = randomUUID();
    let failing = true;
    const runner = new ScheduledJobRunner({ unitOfWork: work, repository, clock })
      .register(
        'upload',
        emitting('r', async () => {
          if (failing) throw new TransientEventError('provider down');
        }),
      )
      .register('poll', emitting('r'))
      .register('alert', emitting('r'), { ordering: { lane: 'alerts' } })
      .register('digest', emitting('r'), { ordering: 'unordered' });
    runners.push(runner);
    const ago = (ms: number) => new Date(clock.now().getTime() - ms);
    await work.run(async (uow) => {
      await scheduler.schedule(uow, { kind: 'upload', key: 'u', accountId, dueAt: ago(5_000) });
      await scheduler.schedule(uow, { kind: 'poll', key: 'p', accountId, dueAt: ago(4_000) });
      await scheduler.schedule(uow, { kind: 'alert', key: 'a2', accountId, dueAt: ago(3_000) });
      await scheduler.schedule(uow, { kind: 'alert', key: 'a1', accountId, dueAt: ago(2_000) });
      await scheduler.schedule(uow, { kind: 'digest', key: 'd', accountId, dueAt: ago(1_000) });
    });
    // The upload fails and waits; the alerts (in order) and the digest go out; the poll waits behind the upload.
    expect(await runner.runDue()).toEqual({ done: 3, failed: 1 });
    expect((await effects()).map((effect) => effect.key)).toEqual(['a2', 'a1', 'd']);
    expect(await job('poll', 'p')).toMatchObject({ status: 'pending', attempts: 0 });
    expect(await job('upload', 'u')).toMatchObject({ status: 'pending', attempts: 1 });
    failing = false;
    clock.advance(60_000);
    expect(await runner.runDue()).toEqual({ done: 2, failed: 0 });
    expect((await effects()).map((effect) => effect.key)).toEqual(['a2', 'a1', 'd', 'u', 'p']);
    // A runner that declares no lanes keeps the old rule: everything of the account in one lane.
    const other = randomUUID();
    let down = true;
    const plain = newRunner({
      upload: emitting('plain', async () => {
        if (down) throw new TransientEventError('provider down');
      }),
      alert: emitting('plain'),
    });
    await work.run(async (uow) => {
      await scheduler.schedule(uow, { kind: 'upload', key: 'u2', accountId: other, dueAt: ago(2_000) });
      await scheduler.schedule(uow, { kind: 'alert', key: 'a3', accountId: other, dueAt: ago(1_000) });
    });
    expect(await plain.runDue()).toEqual({ done: 0, failed: 1 });
    expect(await job('alert', 'a3')).toMatchObject({ status: 'pending' });
    down = false;
    clock.advance(60_000);
    expect(await plain.runDue()).toEqual({ done: 2, failed: 0 });
  });

  it('runs a test clock’s jobs only when the clock reaches them, in due order across 400 days', async () => {
    const clockId = randomUUID();
    const monthly = randomUUID();
    const weekly = randomUUID();
    const t0 = new Date('2025-01-01T00:00:00.000Z'); // long before the wall clock (2026-06-01)
    // Each run plans the next, 30 (or 7) days after its own due instant.
    const chain = (kind: string, periodDays: number): JobHandler =>
      emitting('r', async (job, uow) => {
        const n = Number(job.payload.n);
        await scheduler.schedule(uow, {
          kind,
          key: `${job.accountId}:${n + 1}`,
          accountId: job.accountId,
          dueAt: days(job.dueAt, periodDays),
          payload: { n: n + 1 },
        });
      });
    const runner = newRunner({ monthly: chain('monthly', 30), weekly: chain('weekly', 7) });

    await work.run(async (uow) => {
      await accountClocks.advance(uow, clockId, t0);
      await accountClocks.assign(uow, monthly, clockId);
      await accountClocks.assign(uow, weekly, clockId);
      await scheduler.schedule(uow, {
        kind: 'monthly',
        key: `${monthly}:1`,
        accountId: monthly,
        dueAt: days(t0, 30),
        payload: { n: 1 },
      });
      await scheduler.schedule(uow, {
        kind: 'weekly',
        key: `${weekly}:1`,
        accountId: weekly,
        dueAt: days(t0, 7),
        payload: { n: 1 },
      });
    });
    expect((await job('monthly', `${monthly}:1`)).clockId).toBe(clockId);
    expect(await work.run((uow) => accountClocks.now(uow, monthly))).toEqual(t0);
    expect(await work.run((uow) => accountClocks.now(uow, randomUUID()))).toEqual(clock.now());

    // By the wall clock these are long due; by their clock they are not.
    expect(await runner.runDue()).toEqual({ done: 0, failed: 0 });
    await work.run((uow) => accountClocks.advance(uow, clockId, days(t0, 6)));
    expect(await runner.runDue({ clockId })).toEqual({ done: 0, failed: 0 });

    // Due at the instant the clock reaches it.
    await work.run((uow) => accountClocks.advance(uow, clockId, days(t0, 7)));
    expect(await runner.runDue({ clockId })).toEqual({ done: 1, failed: 0 });
    expect((await effects()).map((effect) => effect.key)).toEqual([`${weekly}:1`]);

    // Backwards is refused and changes nothing.
    const backwards = await work.run((uow) => accountClocks.advance(uow, clockId, days(t0, 1))).catch((error: unknown) => error);
    expect(backwards).toBeInstanceOf(ScheduleError);
    expect(backwards).toMatchObject({ code: 'CLOCK_BACKWARDS', kind: 'invalid' });
    expect(await work.run((uow) => accountClocks.timeOf(uow, clockId))).toEqual(days(t0, 7));

    // 400 days in one move: monthly runs on days 30, 60, … 390 (13 runs; day 420 waits), weekly on
    // days 7, 14, … 399 (57 runs; day 406 waits), 70 runs in all.
    await work.run((uow) => accountClocks.advance(uow, clockId, days(t0, 400)));
    expect(await runner.runDue({ clockId })).toEqual({ done: 69, failed: 0 });
    const ran = await effects();
    expect(ran).toHaveLength(70);
    const dayOf = (effect: Effect) => (new Date(effect.dueAt).getTime() - t0.getTime()) / DAY;
    const monthlyDays = ran.filter((effect) => effect.kind === 'monthly').map(dayOf);
    expect(monthlyDays).toEqual(Array.from({ length: 13 }, (_, i) => 30 * (i + 1)));
    expect(ran.filter((effect) => effect.kind === 'weekly').map(dayOf)).toEqual(
      Array.from({ length: 57 }, (_, i) => 7 * (i + 1)),
    );
    // Across both accounts, the clock's work ran in due order.
    const allDays = ran.map(dayOf);
    expect(allDays).toEqual([...allDays].sort((x, y) => x - y));
    // Handlers running during the move read the clock's frozen time as business time.
    expect(new Set(ran.slice(1).map((effect) => effect.businessNow))).toEqual(new Set([days(t0, 400).toISOString()]));
    expect(await job('monthly', `${monthly}:14`)).toMatchObject({ status: 'pending', dueAt: days(t0, 420) });
    expect(await job('weekly', `${weekly}:58`)).toMatchObject({ status: 'pending', dueAt: days(t0, 406) });
    expect(await work.run((uow) => repository.countDueOnClock(uow, clockId))).toBe(0);
    expect(await runner.runDue({ clockId })).toEqual({ done: 0, failed: 0 });
  });

  it('lets a polling runner pick up due work on test clocks too, and ignores clocks it has no time for', async () => {
    const clockId = randomUUID();
    const unknownClock = randomUUID();
    const accountId = randomUUID();
    const stranded = randomUUID();
    await work.run(async (uow) => {
      // A job planned before the account's clock assignment arrived moves onto the clock.
      await scheduler.schedule(uow, { kind: 'effect', key: 'early', accountId, dueAt: new Date('2025-03-01T00:00:00Z') });
      await accountClocks.advance(uow, clockId, new Date('2025-02-01T00:00:00Z'));
      await accountClocks.assign(uow, accountId, clockId);
      await accountClocks.assign(uow, stranded, unknownClock);
      await scheduler.schedule(uow, {
        kind: 'effect',
        key: 'stranded',
        accountId: stranded,
        dueAt: new Date('2000-01-01T00:00:00Z'),
      });
    });
    expect((await job('effect', 'early')).clockId).toBe(clockId);
    const refusal = await work.run((uow) => accountClocks.now(uow, stranded)).catch((error: unknown) => error);
    expect(refusal).toMatchObject({ code: 'CLOCK_TIME_UNKNOWN', kind: 'unavailable' });
    const otherClock = await work
      .run((uow) => accountClocks.assign(uow, accountId, randomUUID()))
      .catch((error: unknown) => error);
    expect(otherClock).toMatchObject({ code: 'ACCOUNT_ON_OTHER_CLOCK', kind: 'conflict' });

    const runner = newRunner({ effect: emitting('poll') }, 30);
    runner.start();
    await work.run((uow) => accountClocks.advance(uow, clockId, new Date('2025-03-01T00:00:00Z')));
    await waitFor(async () => (await job('effect', 'early')).status === 'done', { what: 'the clock job to run' });
    await runner.stop();
    expect((await job('effect', 'stranded')).status).toBe('pending');
    expect((await effects()).map((effect) => effect.key)).toEqual(['early']);
  });

  it('plans a job once per kind and key; reschedules and cancels only pending jobs', async () => {
    const accountId = randomUUID();
    const dueAt = new Date('2026-07-01T00:00:00Z');
    const first = await work.run((uow) =>
      scheduler.schedule(uow, { kind: 'renewal', key: 'sub-1:2', accountId, dueAt, payload: { v: 1 } }),
    );
    const second = await work.run((uow) =>
      scheduler.schedule(uow, {
        kind: 'renewal',
        key: 'sub-1:2',
        accountId,
        dueAt: new Date('2030-01-01T00:00:00Z'),
        payload: { v: 2 },
      }),
    );
    expect([first, second]).toEqual([true, false]);
    const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM "${schema}".scheduled_jobs`);
    expect(n).toBe(1);
    expect(await job('renewal', 'sub-1:2')).toMatchObject({ dueAt, payload: { v: 1 }, status: 'pending', attempts: 0 });
    // The same key under another kind is another job.
    expect(await work.run((uow) => scheduler.schedule(uow, { kind: 'notice', key: 'sub-1:2', accountId, dueAt }))).toBe(true);

    // A rolled-back unit of work plans nothing.
    await work
      .run(async (uow) => {
        await scheduler.schedule(uow, { kind: 'renewal', key: 'sub-1:3', accountId, dueAt });
        throw new Error('use case failed');
      })
      .catch(() => undefined);
    expect(await work.run((uow) => scheduler.find(uow, 'renewal', 'sub-1:3'))).toBeUndefined();

    const moved = new Date('2026-06-01T00:00:00Z');
    expect(await work.run((uow) => scheduler.reschedule(uow, 'renewal', 'sub-1:2', moved))).toBe(true);
    expect((await job('renewal', 'sub-1:2')).dueAt).toEqual(moved);
    expect(await newRunner({ renewal: emitting('r'), notice: emitting('r') }).runDue()).toEqual({ done: 1, failed: 0 });
    // Done: neither moved nor cancelled.
    expect(await work.run((uow) => scheduler.reschedule(uow, 'renewal', 'sub-1:2', dueAt))).toBe(false);
    expect(await work.run((uow) => scheduler.cancel(uow, 'renewal', 'sub-1:2'))).toBe(false);
    expect((await job('renewal', 'sub-1:2')).status).toBe('done');
    expect(await work.run((uow) => scheduler.cancel(uow, 'notice', 'sub-1:2'))).toBe(true);
    expect(await work.run((uow) => scheduler.find(uow, 'notice', 'sub-1:2'))).toBeUndefined();
  });
});
