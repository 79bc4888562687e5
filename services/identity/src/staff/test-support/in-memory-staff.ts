import { UnitOfWork } from '@obolus/messaging';
import { StaffRepository, StaffUser } from '../staff.repository';

/** The vendor's staff in memory, for use-case specs. */
export class InMemoryStaff implements Pick<StaffRepository, keyof StaffRepository> {
  readonly rows = new Map<string, StaffUser>();

  async findByEmail(_uow: UnitOfWork, email: string): Promise<StaffUser | undefined> {
    return [...this.rows.values()].find((s) => s.email.toLowerCase() === email.toLowerCase());
  }

  async find(_uow: UnitOfWork, staffId: string): Promise<StaffUser | undefined> {
    return this.rows.get(staffId);
  }

  async insertIfMissing(uow: UnitOfWork, staff: Omit<StaffUser, 'disabledAt'>): Promise<boolean> {
    if (await this.findByEmail(uow, staff.email)) return false;
    this.rows.set(staff.id, { ...staff, disabledAt: null });
    return true;
  }
}
