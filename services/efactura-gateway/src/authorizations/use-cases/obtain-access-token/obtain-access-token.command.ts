import { checkCommand } from '@obolus/platform';

/** An access token for one CUI of an account, refreshed first when it is close to expiry. */
export class ObtainAccessTokenCommand {
  readonly accountId!: string;
  readonly cif!: string;

  private constructor(input: Readonly<{ accountId: string; cif: string }>) {
    Object.assign(this, input);
  }

  static create(input: { accountId: string; cif: string }): ObtainAccessTokenCommand {
    return new ObtainAccessTokenCommand(
      checkCommand('obtain access token', input)
        .uuid('accountId')
        .that('cif', /^\d{2,10}$/.test(input.cif ?? ''), 'must be a CUI, digits only')
        .valid(),
    );
  }
}
