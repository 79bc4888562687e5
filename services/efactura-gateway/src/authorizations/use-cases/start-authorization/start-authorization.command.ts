import { checkCommand } from '@obolus/platform';
import { normalizeCif } from '../../cif';

export interface StartAuthorizationInput {
  accountId: string;
  /** The company's CUI, with or without RO. */
  cif: string;
}

/** The owner asks to connect one CUI of the account to ANAF. */
export class StartAuthorizationCommand {
  readonly accountId!: string;
  readonly cif!: string;

  private constructor(input: Readonly<StartAuthorizationInput>) {
    Object.assign(this, input);
  }

  static create(input: StartAuthorizationInput): StartAuthorizationCommand {
    const cif = normalizeCif(input.cif);
    const checked = checkCommand('start authorization', input)
      .uuid('accountId')
      .that('cif', cif !== undefined, 'must be a Romanian CUI (2 to 10 digits, RO allowed)')
      .valid();
    return new StartAuthorizationCommand({ accountId: checked.accountId, cif: cif ?? '' });
  }
}
