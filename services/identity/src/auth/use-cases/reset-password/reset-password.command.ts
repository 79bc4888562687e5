import { checkCommand } from '@obolus/platform';
import { PASSWORD_MAX_LENGTH } from '../../../credentials/password-policy';
import { ClientInfo, isClientInfo } from '../../../sessions/session-tokens';

export interface ResetPasswordInput {
  token: string;
  newPassword: string;
  client: ClientInfo;
}

/** Choose a new password with the token of a reset link (the DTO has checked the password's strength). */
export class ResetPasswordCommand implements ResetPasswordInput {
  readonly token!: string;
  readonly newPassword!: string;
  readonly client!: ClientInfo;

  private constructor(input: Readonly<ResetPasswordInput>) {
    Object.assign(this, input);
  }

  static create(input: ResetPasswordInput): ResetPasswordCommand {
    return new ResetPasswordCommand(
      checkCommand('reset-password', input)
        .string('token', 200)
        .string('newPassword', PASSWORD_MAX_LENGTH)
        .that('client', isClientInfo(input.client), 'must name the client address')
        .valid(),
    );
  }
}
