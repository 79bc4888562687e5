import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { Public } from './public-route';
import { serviceDatabaseNames } from '@obolus/database';
import { Response } from 'express';
import { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { DATA_SOURCE, KAFKA, SERVICE_NAME } from './tokens';

type CheckState = 'up' | 'down';

/**
 * Liveness and readiness in one: the service answers, and its database and broker answer it. Outbox
 * records the relay set aside (never sendable) are reported without failing the check: the service
 * works, but an operator must look (the relay logged each at error level).
 *
 * The probes are shared: callers that arrive while a probe runs wait for it, and its answer serves
 * every call for `HEALTH_PROBE_REUSE_MS` after it ends. Many load balancers polling many replicas
 * then cost one query pair and one broker connection per second per process, not one per call.
 */
@Public()
@Controller('health')
export class HealthController {
  constructor(
    @Inject(SERVICE_NAME) private readonly service: string,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(KAFKA) private readonly kafka: Kafka,
  ) {}

  private readonly probe = new SharedProbe(() =>
    Promise.all([this.checkDatabase(), this.checkKafka(), this.checkOutbox()] as const),
  );

  @Get()
  async health(@Res() response: Response): Promise<void> {
    const [database, kafka, outbox] = await this.probe.result();
    const healthy = database === 'up' && kafka === 'up';
    response.status(healthy ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json({
      service: this.service,
      status: healthy ? 'ok' : 'degraded',
      checks: { database, kafka, outbox: outbox === undefined ? 'unknown' : outbox.setAside > 0 ? 'records-set-aside' : 'up' },
      ...(outbox ? { outbox } : {}),
    });
  }

  private async checkOutbox(): Promise<{ pending: number; setAside: number } | undefined> {
    const { schema } = serviceDatabaseNames(this.service);
    try {
      const [row] = await withTimeout<{ pending: number; set_aside: number }[]>(
        this.dataSource.query(
          `SELECT count(*) FILTER (WHERE set_aside_at IS NULL)::int AS pending,
                  count(*) FILTER (WHERE set_aside_at IS NOT NULL)::int AS set_aside
             FROM "${schema}".outbox WHERE published_at IS NULL`,
        ),
        2000,
      );
      return { pending: row?.pending ?? 0, setAside: row?.set_aside ?? 0 };
    } catch {
      return undefined;
    }
  }

  private async checkDatabase(): Promise<CheckState> {
    try {
      await withTimeout(this.dataSource.query('SELECT 1'), 2000);
      return 'up';
    } catch {
      return 'down';
    }
  }

  private async checkKafka(): Promise<CheckState> {
    const admin = this.kafka.admin({ retry: { retries: 0 } });
    try {
      await withTimeout(
        admin.connect().then(() => admin.describeCluster()),
        2000,
      );
      return 'up';
    } catch {
      return 'down';
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }
}

/** How long one probe's answer stands for every later call (milliseconds). */
export const HEALTH_PROBE_REUSE_MS = 1000;

/** One probe in flight at most; its answer reused for `HEALTH_PROBE_REUSE_MS` after it settles. */
export class SharedProbe<T> {
  private inFlight?: Promise<T>;
  private last?: { value: T; settledAt: number };

  constructor(
    private readonly run: () => Promise<T>,
    private readonly reuseMs = HEALTH_PROBE_REUSE_MS,
    private readonly monotonicNow: () => number = () => performance.now(),
  ) {}

  result(): Promise<T> {
    if (this.last && this.monotonicNow() - this.last.settledAt < this.reuseMs) return Promise.resolve(this.last.value);
    if (!this.inFlight) {
      this.inFlight = this.run()
        .then((value) => {
          this.last = { value, settledAt: this.monotonicNow() };
          return value;
        })
        .finally(() => {
          this.inFlight = undefined;
        });
    }
    return this.inFlight;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms).unref()),
  ]);
}
