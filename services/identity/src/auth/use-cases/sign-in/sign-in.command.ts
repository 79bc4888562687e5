import { checkCommand } from '@obolus/platform';
import { PASSWORD_MAX_LENGTH } from '../../../credentials/password-policy';
import { ClientInfo, isClientInfo } from '../../../sessions/session-tokens';

export interface SignInInput {
  email: string;
  password: string;
  client: ClientInfo;
}

/** A customer signs in with e-mail and password. Any string may be tried as an e-mail: a wrong one is a 401. */
export class SignInCommand implements SignInInput {
  readonly email!: string;
  readonly password!: string;
  readonly client!: ClientInfo;

  private constructor(input: Readonly<SignInInput>) {
    Object.assign(this, input);
  }

  static create(input: SignInInput): SignInCommand {
    return new SignInCommand(
      checkCommand('sign-in', input)
        .string('email', 254)
        .string('password', PASSWORD_MAX_LENGTH)
        .that('client', isClientInfo(input.client), 'must name the client address')
        .valid(),
    );
  }
}
