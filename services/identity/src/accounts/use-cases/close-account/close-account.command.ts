import { checkCommand } from '@obolus/platform';
import { PASSWORD_MAX_LENGTH } from '../../../credentials/password-policy';

export interface CloseAccountInput {
  accountId: string;
  ownerUserId: string;
  ownerEmail: string;
  /** The owner's password, asked again. */
  password: string;
  clientIp: string;
}

/** The owner asks for the account to be closed (A3). */
export class CloseAccountCommand implements CloseAccountInput {
  readonly accountId!: string;
  readonly ownerUserId!: string;
  readonly ownerEmail!: string;
  readonly password!: string;
  readonly clientIp!: string;

  private constructor(input: Readonly<CloseAccountInput>) {
    Object.assign(this, input);
  }

  static create(input: CloseAccountInput): CloseAccountCommand {
    return new CloseAccountCommand(
      checkCommand('close account', input)
        .uuid('accountId')
        .uuid('ownerUserId')
        .string('ownerEmail')
        .string('password', PASSWORD_MAX_LENGTH)
        .string('clientIp')
        .valid(),
    );
  }
}
