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
 */
@Public()
@Controller('health')
export class HealthController {
  constructor(
    @Inject(SERVICE_NAME) private readonly service: string,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(KAFKA) private readonly kafka: Kafka,
  ) {}

  @Get()
  async health(@Res() response: Response): Promise<void> {
    const [database, kafka, outbox] = await Promise.all([this.checkDatabase(), this.checkKafka(), this.checkOutbox()]);
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

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms).unref()),
  ]);
}
