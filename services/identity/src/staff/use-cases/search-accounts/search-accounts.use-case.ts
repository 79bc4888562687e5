import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { accountSearchOf } from '../../account-search-terms';
import { StaffAccountSearchView } from '../../dto/staff-accounts.dto';
import { toStaffAccountSummary } from '../../staff-account-summary';
import { StaffAccountsRepository } from '../../staff-accounts.repository';
import { SearchAccountsCommand } from './search-accounts.command';

/** Accounts matching the staff member's search, newest first. */
@Injectable()
export class SearchAccountsUseCase {
  constructor(private readonly accounts: StaffAccountsRepository) {}

  async execute({ q, limit }: SearchAccountsCommand, uow: UnitOfWork): Promise<StaffAccountSearchView> {
    const rows = await this.accounts.search(uow, accountSearchOf(q), limit);
    return { accounts: rows.map(toStaffAccountSummary) };
  }
}
