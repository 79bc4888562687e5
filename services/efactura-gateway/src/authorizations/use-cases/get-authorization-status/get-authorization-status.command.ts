import { checkCommand } from '@obolus/platform';
import { normalizeCif } from '../../cif';

/** Whether one CUI of an account is connected to ANAF. */
export class GetAuthorizationStatusCommand {
  readonly accountId!: string;
  readonly cif!: string;

  private constructor(input: Readonly<{ accountId: string; cif: string }>) {
    Object.assign(this, input);
  }

  static create(input: { accountId: string; cif: string }): GetAuthorizationStatusCommand {
    const cif = normalizeCif(input.cif);
    const checked = checkCommand('get authorization status', input)
      .uuid('accountId')
      .that('cif', cif !== undefined, 'must be a Romanian CUI (2 to 10 digits, RO allowed)')
      .valid();
    return new GetAuthorizationStatusCommand({ accountId: checked.accountId, cif: cif ?? '' });
  }
}
