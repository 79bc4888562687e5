import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { Clock } from '@obolus/platform';
import { IdentityError } from '../../../identity.errors';
import { StaffAccountView } from '../../dto/staff-accounts.dto';
import { toStaffAccountSummary } from '../../staff-account-summary';
import { StaffAccountsRepository } from '../../staff-accounts.repository';
import { GetStaffAccountCommand } from './get-staff-account.command';

/** One account as the console shows it, with its users and open invitations; 404 for an unknown id. */
@Injectable()
export class GetStaffAccountUseCase {
  constructor(
    private readonly accounts: StaffAccountsRepository,
    private readonly clock: Clock,
  ) {}

  async execute({ accountId }: GetStaffAccountCommand, uow: UnitOfWork): Promise<StaffAccountView> {
    const account = await this.accounts.find(uow, accountId);
    if (!account) throw IdentityError.notFound('no such account');
    const members = await this.accounts.members(uow, accountId, this.clock.now());
    return {
      ...toStaffAccountSummary(account),
      users: members.map((member) => ({ ...member, since: member.since.toISOString() })),
    };
  }
}
