import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DATA_SOURCE, LOGGER } from '@obolus/platform';
import { randomUUID } from 'node:crypto';
import { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { PasswordHasher } from '../../../credentials/password-hasher';
import { IDENTITY_CONFIG, IdentityConfig } from '../../../identity.config';
import { StaffRepository } from '../../staff.repository';

/** Local runs: the staff user named by IDENTITY_STAFF_EMAIL exists after start (an existing one is left alone). */
@Injectable()
export class BootstrapStaffUseCase implements OnApplicationBootstrap {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly staff: StaffRepository,
    private readonly hasher: PasswordHasher,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const email = this.config.IDENTITY_STAFF_EMAIL;
    const password = this.config.IDENTITY_STAFF_PASSWORD;
    if (!email || !password) return;
    const created = await this.staff.insertIfMissing(this.dataSource.manager, {
      id: randomUUID(),
      email,
      passwordHash: await this.hasher.hash(password),
      roles: ['admin', 'support', 'catalog'],
    });
    if (created) this.logger.info({ email }, 'bootstrap staff user created');
  }
}
