import { InvalidCommandError } from '@obolus/platform';
import { authWorld, AuthWorld } from '../../../auth/test-support/auth-world';
import { BootstrapStaffCommand } from './bootstrap-staff.command';
import { BOOTSTRAP_STAFF_ROLES, BootstrapStaffUseCase } from './bootstrap-staff.use-case';

describe('BootstrapStaffUseCase', () => {
  let world: AuthWorld;
  let bootstrap: BootstrapStaffUseCase;

  beforeEach(async () => {
    world = await authWorld();
    bootstrap = new BootstrapStaffUseCase(world.repositories.staff, world.hasher);
  });

  const command = BootstrapStaffCommand.create({ email: 'ops@obolus.example', password: 'console-Passw0rd-long' });

  it('creates the staff member with every console role and the password hashed', async () => {
    await expect(bootstrap.execute(command, world.uow)).resolves.toBe(true);
    const [member] = [...world.staff.rows.values()];
    expect(member).toMatchObject({ email: 'ops@obolus.example', roles: BOOTSTRAP_STAFF_ROLES, disabledAt: null });
    expect(await world.hasher.verify(member!.passwordHash, 'console-Passw0rd-long')).toBe(true);
  });

  it('leaves an existing member alone on the next start', async () => {
    await bootstrap.execute(command, world.uow);
    const first = [...world.staff.rows.values()][0]!.passwordHash;
    const restarted = BootstrapStaffCommand.create({ email: 'OPS@obolus.example', password: 'changed-Passw0rd-long' });
    await expect(bootstrap.execute(restarted, world.uow)).resolves.toBe(false);
    expect(world.staff.rows.size).toBe(1);
    expect([...world.staff.rows.values()][0]!.passwordHash).toBe(first);
  });

  it('refuses an empty password', () => {
    expect(() => BootstrapStaffCommand.create({ email: 'ops@obolus.example', password: '' })).toThrow(InvalidCommandError);
  });
});
