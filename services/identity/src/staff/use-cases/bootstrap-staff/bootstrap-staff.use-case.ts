import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { randomUUID } from 'node:crypto';
import { PasswordHasher } from '../../../credentials/password-hasher';
import { StaffRepository } from '../../staff.repository';
import { BootstrapStaffCommand } from './bootstrap-staff.command';

/** The console's every role, given to the bootstrap staff member. */
export const BOOTSTRAP_STAFF_ROLES = ['admin', 'support', 'catalog'];

/** The staff member exists afterwards: created with every console role, or an existing one left alone. */
@Injectable()
export class BootstrapStaffUseCase {
  constructor(
    private readonly staff: StaffRepository,
    private readonly hasher: PasswordHasher,
  ) {}

  /** True when the member was created. */
  async execute({ email, password }: BootstrapStaffCommand, uow: UnitOfWork): Promise<boolean> {
    if (await this.staff.findByEmail(uow, email)) return false;
    return this.staff.insertIfMissing(uow, {
      id: randomUUID(),
      email,
      passwordHash: await this.hasher.hash(password),
      roles: BOOTSTRAP_STAFF_ROLES,
    });
  }
}
