import { checkCommand } from '@obolus/platform';
import { ClientInfo, isClientInfo } from '../../../sessions/session-tokens';

export interface SignOutInput {
  refreshToken: string;
  client: ClientInfo;
}

/** End the session of a refresh token. */
export class SignOutCommand implements SignOutInput {
  readonly refreshToken!: string;
  readonly client!: ClientInfo;

  private constructor(input: Readonly<SignOutInput>) {
    Object.assign(this, input);
  }

  static create(input: SignOutInput): SignOutCommand {
    return new SignOutCommand(
      checkCommand('sign-out', input)
        .string('refreshToken', 200)
        .that('client', isClientInfo(input.client), 'must name the client address')
        .valid(),
    );
  }
}
