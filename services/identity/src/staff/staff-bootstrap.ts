import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { UnitOfWorkRunner } from '@obolus/messaging';
import { LOGGER } from '@obolus/platform';
import { Logger } from 'pino';
import { IDENTITY_CONFIG, IdentityConfig } from '../identity.config';
import { BootstrapStaffCommand } from './use-cases/bootstrap-staff/bootstrap-staff.command';
import { BootstrapStaffUseCase } from './use-cases/bootstrap-staff/bootstrap-staff.use-case';

/** Local runs: the staff user named by IDENTITY_STAFF_EMAIL exists after start. */
@Injectable()
export class StaffBootstrap implements OnApplicationBootstrap {
  constructor(
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly work: UnitOfWorkRunner,
    private readonly bootstrap: BootstrapStaffUseCase,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { IDENTITY_STAFF_EMAIL: email, IDENTITY_STAFF_PASSWORD: password } = this.config;
    if (!email || !password) return;
    const command = BootstrapStaffCommand.create({ email, password });
    if (await this.work.run((uow) => this.bootstrap.execute(command, uow)))
      this.logger.info({ email }, 'bootstrap staff user created');
  }
}
