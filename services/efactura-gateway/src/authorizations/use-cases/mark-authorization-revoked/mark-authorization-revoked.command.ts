import { checkCommand } from '@obolus/platform';

/** ANAF refused a CUI's token: the authorisation is revoked until the owner connects again. */
export class MarkAuthorizationRevokedCommand {
  readonly accountId!: string;
  readonly cif!: string;
  readonly reason!: string;

  private constructor(input: Readonly<{ accountId: string; cif: string; reason: string }>) {
    Object.assign(this, input);
  }

  static create(input: { accountId: string; cif: string; reason: string }): MarkAuthorizationRevokedCommand {
    return new MarkAuthorizationRevokedCommand(
      checkCommand('mark authorization revoked', input)
        .uuid('accountId')
        .that('cif', /^\d{2,10}$/.test(input.cif ?? ''), 'must be a CUI, digits only')
        .that('reason', typeof input.reason === 'string', 'must say why')
        .valid(),
    );
  }
}
