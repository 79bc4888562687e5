import { UnitOfWork } from '@obolus/messaging';
import { Authorization, AuthorizationsRepository, OAuthState } from '../authorizations.repository';

/** The OAuth states and authorisations in memory, for use-case specs. */
export class InMemoryAuthorizations implements Pick<AuthorizationsRepository, keyof AuthorizationsRepository> {
  readonly states = new Map<string, OAuthState>();
  readonly rows = new Map<string, Authorization>();

  async insertState(_uow: UnitOfWork, state: OAuthState): Promise<void> {
    this.states.set(state.state, { ...state });
  }

  async consumeState(_uow: UnitOfWork, state: string, now: Date): Promise<OAuthState | undefined> {
    const found = this.states.get(state);
    if (!found || found.usedAt || found.expiresAt <= now) return undefined;
    found.usedAt = now;
    return { ...found };
  }

  async save(_uow: UnitOfWork, authorization: Authorization): Promise<void> {
    this.rows.set(`${authorization.accountId}:${authorization.cif}`, { ...authorization });
  }

  async lock(uow: UnitOfWork, accountId: string, cif: string): Promise<Authorization | undefined> {
    return this.find(uow, accountId, cif);
  }

  async listOf(_uow: UnitOfWork, accountId: string): Promise<Authorization[]> {
    return [...this.rows.values()]
      .filter((row) => row.accountId === accountId)
      .sort((a, b) => a.cif.localeCompare(b.cif))
      .map((row) => ({ ...row }));
  }

  async find(_uow: UnitOfWork, accountId: string, cif: string): Promise<Authorization | undefined> {
    const found = this.rows.get(`${accountId}:${cif}`);
    return found ? { ...found } : undefined;
  }
}
