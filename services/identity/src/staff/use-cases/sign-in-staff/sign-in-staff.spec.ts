import { STAFF_AUDIENCE } from '@obolus/auth';
import { decodeJwt } from 'jose';
import { authWorld, AuthWorld, CLIENT, SPEC_PASSWORD } from '../../../auth/test-support/auth-world';
import { IdentityErrorCode } from '../../../identity.errors';
import { SignInStaffCommand } from './sign-in-staff.command';
import { SignInStaffUseCase } from './sign-in-staff.use-case';

describe('SignInStaffUseCase', () => {
  let world: AuthWorld;
  let signIn: SignInStaffUseCase;

  beforeEach(async () => {
    world = await authWorld();
    const { repositories: r, hasher, throttle, sessionTokens } = world;
    signIn = new SignInStaffUseCase(r.staff, hasher, throttle, sessionTokens, r.audit);
  });

  const attempt = (email: string, password: string) =>
    signIn.execute(SignInStaffCommand.create({ email, password, client: CLIENT }), world.uow);

  it('gives a staff member a token for the console audience only', async () => {
    const member = await world.staffMember();
    const pair = await attempt(member.email, SPEC_PASSWORD);
    expect(decodeJwt(pair.accessToken)).toMatchObject({ aud: STAFF_AUDIENCE, sub: member.staffId, kind: 'staff' });
    expect(world.sessions.open()).toEqual([expect.objectContaining({ kind: 'staff', staffId: member.staffId })]);
    expect(world.auditEvents()).toEqual(['staff.sign-in.succeeded']);
  });

  it('refuses a disabled member, a wrong password and a customer alike, with the one 401, and counts each', async () => {
    const disabled = await world.staffMember({ disabled: true });
    const member = await world.staffMember();
    const customer = await world.customer();
    for (const [email, password] of [
      [disabled.email, SPEC_PASSWORD],
      [member.email, 'wrong'],
      [customer.email, SPEC_PASSWORD],
    ] as const)
      await expect(attempt(email, password)).rejects.toMatchObject({ code: IdentityErrorCode.InvalidCredentials });
    expect(world.failures.rows.map((r) => r.realm)).toEqual(['staff', 'staff', 'staff']);
    expect(world.auditEvents()).toEqual(['staff.sign-in.failed', 'staff.sign-in.failed', 'staff.sign-in.failed']);
    expect(world.sessions.open()).toEqual([]);
  });
});
