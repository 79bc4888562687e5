import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';

export interface StaffUser {
  id: string;
  email: string;
  passwordHash: string;
  roles: string[];
  disabledAt: Date | null;
}

type Row = { id: string; email: string; password_hash: string; roles: string[]; disabled_at: Date | null };
const toStaff = (row: Row): StaffUser => ({
  id: row.id,
  email: row.email,
  passwordHash: row.password_hash,
  roles: row.roles,
  disabledAt: row.disabled_at,
});

/** The vendor's staff, apart from every customer account. */
@Injectable()
export class StaffRepository {
  async findByEmail({ manager }: UnitOfWork, email: string): Promise<StaffUser | undefined> {
    const rows = (await manager.query(
      `SELECT id, email, password_hash, roles, disabled_at FROM identity.staff_users WHERE lower(email) = lower($1)`,
      [email],
    )) as Row[];
    return rows[0] ? toStaff(rows[0]) : undefined;
  }

  async find({ manager }: UnitOfWork, staffId: string): Promise<StaffUser | undefined> {
    const rows = (await manager.query(
      `SELECT id, email, password_hash, roles, disabled_at FROM identity.staff_users WHERE id = $1`,
      [staffId],
    )) as Row[];
    return rows[0] ? toStaff(rows[0]) : undefined;
  }

  /** Creates the staff user unless the address is already there. */
  async insertIfMissing({ manager }: UnitOfWork, staff: Omit<StaffUser, 'disabledAt'>): Promise<boolean> {
    const rows = await manager.query(
      `INSERT INTO identity.staff_users (id, email, password_hash, roles) VALUES ($1, $2, $3, $4)
       ON CONFLICT ((lower(email))) DO NOTHING RETURNING id`,
      [staff.id, staff.email, staff.passwordHash, staff.roles],
    );
    return rows.length > 0;
  }
}
