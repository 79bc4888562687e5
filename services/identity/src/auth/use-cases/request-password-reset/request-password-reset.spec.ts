import { PasswordResetRequestedV1 } from '@obolus/contracts';
import { hashOpaqueToken } from '../../../credentials/opaque-token';
import { authWorld, AuthWorld, CLIENT } from '../../test-support/auth-world';
import { RequestPasswordResetCommand } from './request-password-reset.command';
import { RequestPasswordResetUseCase } from './request-password-reset.use-case';

describe('RequestPasswordResetUseCase', () => {
  let world: AuthWorld;
  let requestReset: RequestPasswordResetUseCase;

  beforeEach(async () => {
    world = await authWorld();
    const { config, clock, repositories: r } = world;
    requestReset = new RequestPasswordResetUseCase(config, clock, r.users, r.resets, r.audit);
  });

  const request = (email: string) =>
    requestReset.execute(RequestPasswordResetCommand.create({ email, client: CLIENT }), world.uow);

  it('e-mails a link valid one hour whose token is stored only hashed', async () => {
    const owner = await world.customer();
    await request(owner.email);
    const [sent] = world.uow.dataOf(PasswordResetRequestedV1);
    expect(sent).toMatchObject({
      accountId: owner.accountId,
      userId: owner.userId,
      email: owner.email,
      locale: 'fr',
      expiresAt: '2026-03-02T10:00:00.000Z',
    });
    const link = new URL(sent!.resetUrl);
    expect(link.origin + link.pathname).toBe('https://app.obolus.example/reset-password');
    const token = link.searchParams.get('token')!;
    expect(world.resets.rows.has(hashOpaqueToken(token).toString('hex'))).toBe(true);
    expect(world.auditEvents()).toEqual(['password.reset-requested']);
  });

  it('keeps only the newest link usable', async () => {
    const owner = await world.customer();
    await request(owner.email);
    await request(owner.email);
    expect(world.resets.rows.size).toBe(2);
    expect(world.resets.usable(owner.userId)).toHaveLength(1);
  });

  it('answers the same for an unknown address and a closed account, sending nothing', async () => {
    const closed = await world.customer({ status: 'blocked' });
    await expect(request('nobody@atelier-dupont.fr')).resolves.toBeUndefined();
    await expect(request(closed.email)).resolves.toBeUndefined();
    expect(world.uow.emitted).toEqual([]);
    expect(world.resets.rows.size).toBe(0);
  });
});
