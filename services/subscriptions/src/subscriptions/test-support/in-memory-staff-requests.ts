import { UnitOfWork } from '@obolus/messaging';
import { StaffRequest, StaffRequestsRepository } from '../staff-requests.repository';

/** The console's keyed requests in memory, for use-case specs. */
export class InMemoryStaffRequests implements Pick<StaffRequestsRepository, keyof StaffRequestsRepository> {
  readonly rows = new Map<string, StaffRequest>();

  async find(_uow: UnitOfWork, accountId: string, idempotencyKey: string): Promise<StaffRequest | undefined> {
    return this.rows.get(`${accountId}/${idempotencyKey}`);
  }

  async insert(_uow: UnitOfWork, request: StaffRequest): Promise<void> {
    const key = `${request.accountId}/${request.idempotencyKey}`;
    if (this.rows.has(key)) throw new Error(`duplicate staff request ${key}`);
    this.rows.set(key, { ...request });
  }
}
