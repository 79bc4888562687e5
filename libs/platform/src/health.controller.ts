import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { Public } from '@obolus/auth';
import { Response } from 'express';
import { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { DATA_SOURCE, KAFKA, SERVICE_NAME } from './tokens';

type CheckState = 'up' | 'down';

/** Liveness and readiness in one: the service answers, and its database and broker answer it. */
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
    const [database, kafka] = await Promise.all([this.checkDatabase(), this.checkKafka()]);
    const healthy = database === 'up' && kafka === 'up';
    response
      .status(healthy ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
      .json({ service: this.service, status: healthy ? 'ok' : 'degraded', checks: { database, kafka } });
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
