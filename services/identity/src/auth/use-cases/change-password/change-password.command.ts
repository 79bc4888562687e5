import { checkCommand } from '@obolus/platform';
import { PASSWORD_MAX_LENGTH } from '../../../credentials/password-policy';
import { ClientInfo, isClientInfo } from '../../../sessions/session-tokens';

export interface ChangePasswordInput {
  accountId: string;
  userId: string;
  /** The signed-in user's address: the throttle counts wrong current passwords against it. */
  email: string;
  /** The session the change is made from, which stays open. */
  sessionId?: string;
  currentPassword: string;
  newPassword: string;
  client: ClientInfo;
}

/** A signed-in user changes the password (the DTO has checked the new one's strength). */
export class ChangePasswordCommand implements ChangePasswordInput {
  readonly accountId!: string;
  readonly userId!: string;
  readonly email!: string;
  readonly sessionId?: string;
  readonly currentPassword!: string;
  readonly newPassword!: string;
  readonly client!: ClientInfo;

  private constructor(input: Readonly<ChangePasswordInput>) {
    Object.assign(this, input);
  }

  static create(input: ChangePasswordInput): ChangePasswordCommand {
    return new ChangePasswordCommand(
      checkCommand('change-password', input)
        .uuid('accountId')
        .uuid('userId')
        .string('email', 254)
        .optionalUuid('sessionId')
        .string('currentPassword', PASSWORD_MAX_LENGTH)
        .string('newPassword', PASSWORD_MAX_LENGTH)
        .that('client', isClientInfo(input.client), 'must name the client address')
        .valid(),
    );
  }
}
