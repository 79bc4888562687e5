import { randomUUID } from 'node:crypto';
import { Principal, StaffPrincipal } from './principal';
import { RevocationList } from './revocation-list';

describe('RevocationList', () => {
  const start = Date.parse('2026-11-27T10:00:00.000Z');
  let now: number;
  let list: RevocationList;
  const retainMs = 15 * 60_000;
  const accountId = randomUUID();
  const user: Principal = {
    kind: 'customer',
    userId: randomUUID(),
    accountId,
    role: 'user',
    email: 'user@a.example',
    sessionId: randomUUID(),
  };
  const tokenOf = (principal: Principal | StaffPrincipal, issuedAtMs: number) => ({
    principal,
    issuedAt: new Date(Math.floor(issuedAtMs / 1000) * 1000),
  });

  beforeEach(() => {
    now = start;
    list = new RevocationList({ retainMs, now: () => now });
  });

  it('is not caught up until told so', () => {
    expect(list.isCaughtUp).toBe(false);
    list.markCaughtUp();
    expect(list.isCaughtUp).toBe(true);
    expect(RevocationList.complete().isCaughtUp).toBe(true);
  });

  it('refuses every token of a revoked session, and only of that session', () => {
    const token = tokenOf(user, start - 60_000);
    const otherSession = tokenOf({ ...user, sessionId: randomUUID() }, start - 60_000);
    expect(list.refusalOf(token)).toBeUndefined();
    list.revokeSession(user.sessionId!, new Date(start));
    expect(list.refusalOf(token)).toBe('the session has ended; sign in again');
    expect(list.refusalOf(otherSession)).toBeUndefined();
  });

  it('refuses a staff token of a revoked session', () => {
    const staff: StaffPrincipal = {
      kind: 'staff',
      staffId: 's1',
      email: 'ops@obolus.example',
      roles: [],
      sessionId: randomUUID(),
    };
    list.revokeSession(staff.sessionId!, new Date(start));
    expect(list.refusalOf(tokenOf(staff, start - 1000))).toBeDefined();
  });

  it('refuses tokens issued before the removal of the user, not those issued after it', () => {
    const removedAt = start - 30_000;
    list.removeUser(accountId, user.userId, new Date(removedAt));
    expect(list.refusalOf(tokenOf(user, removedAt - 60_000))).toBe('the user no longer belongs to this account');
    expect(list.refusalOf(tokenOf({ ...user, sessionId: randomUUID() }, removedAt - 1))).toBeDefined();
    // iat has whole seconds: a token of the second of the removal was issued before it.
    expect(list.refusalOf(tokenOf(user, removedAt + 400))).toBeDefined();
    expect(list.refusalOf(tokenOf(user, removedAt + 2_000))).toBeUndefined();
  });

  it('removes a user from one account only', () => {
    list.removeUser(randomUUID(), user.userId, new Date(start));
    list.removeUser(accountId, randomUUID(), new Date(start));
    expect(list.refusalOf(tokenOf(user, start - 60_000))).toBeUndefined();
  });

  it('keeps the latest removal when the events come out of order', () => {
    list.removeUser(accountId, user.userId, new Date(start - 1000));
    list.removeUser(accountId, user.userId, new Date(start - 300_000));
    expect(list.refusalOf(tokenOf(user, start - 120_000))).toBeDefined();
  });

  it('forgets revocations older than the retention, when no token they refuse can still be valid', () => {
    list.revokeSession(user.sessionId!, new Date(start));
    list.removeUser(accountId, user.userId, new Date(start));
    expect(list.size).toBe(2);
    now = start + retainMs;
    expect(list.refusalOf(tokenOf(user, start - 1000))).toBeDefined();
    now = start + retainMs + 1;
    expect(list.refusalOf(tokenOf(user, start - 1000))).toBeUndefined();
    now = start + retainMs + 60_000;
    list.sweep();
    expect(list.size).toBe(0);
  });

  it('does not remember a revocation that is already past the retention (reading old events at start)', () => {
    list.revokeSession(randomUUID(), new Date(start - retainMs - 1));
    list.removeUser(accountId, user.userId, new Date(start - retainMs - 1));
    expect(list.size).toBe(0);
  });

  it('sweeps old entries on its own as new ones arrive', () => {
    list.revokeSession(randomUUID(), new Date(start));
    now = start + retainMs + 61_000;
    list.revokeSession(randomUUID(), new Date(now));
    expect(list.size).toBe(1);
  });
});
