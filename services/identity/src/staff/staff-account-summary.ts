import { AccountStatus } from '../accounts/entities/account.entity';
import { AccountLifecycle, StaffAccountSummary } from './dto/staff-accounts.dto';
import { StaffAccountRow } from './staff-accounts.repository';

const LIFECYCLE: Record<AccountStatus, AccountLifecycle> = {
  active: 'active',
  blocked: 'closure-requested',
  closed: 'closed',
};

/** An account row as the console shows it: the stored status named for staff, times as ISO 8601. */
export function toStaffAccountSummary(row: StaffAccountRow): StaffAccountSummary {
  return {
    accountId: row.accountId,
    companyName: row.companyName,
    country: row.country,
    catalog: row.catalog,
    ownerEmail: row.ownerEmail,
    status: LIFECYCLE[row.status],
    closureRequestedAt: row.closureRequestedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    ...(row.testClockId ? { testClockId: row.testClockId } : {}),
  };
}
