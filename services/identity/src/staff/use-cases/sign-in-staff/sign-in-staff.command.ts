import { checkCommand } from '@obolus/platform';
import { PASSWORD_MAX_LENGTH } from '../../../credentials/password-policy';
import { ClientInfo, isClientInfo } from '../../../sessions/session-tokens';

export interface SignInStaffInput {
  email: string;
  password: string;
  client: ClientInfo;
}

/** A member of the vendor's staff signs in to the console. */
export class SignInStaffCommand implements SignInStaffInput {
  readonly email!: string;
  readonly password!: string;
  readonly client!: ClientInfo;

  private constructor(input: Readonly<SignInStaffInput>) {
    Object.assign(this, input);
  }

  static create(input: SignInStaffInput): SignInStaffCommand {
    return new SignInStaffCommand(
      checkCommand('sign-in-staff', input)
        .string('email', 254)
        .string('password', PASSWORD_MAX_LENGTH)
        .that('client', isClientInfo(input.client), 'must name the client address')
        .valid(),
    );
  }
}
