import { NAME_MAX_LENGTH } from '@obolus/contracts';
import { checkCommand } from '@obolus/platform';
import { PASSWORD_MAX_LENGTH } from '../../../credentials/password-policy';

export interface AcceptInvitationInput {
  /** The token from the invitation link: it is all the invitee has, and it names the account. */
  token: string;
  password: string;
  name: string;
  clientIp: string;
}

/** The invitee joins the account with a name and a password. */
export class AcceptInvitationCommand implements AcceptInvitationInput {
  readonly token!: string;
  readonly password!: string;
  readonly name!: string;
  readonly clientIp!: string;

  private constructor(input: Readonly<AcceptInvitationInput>) {
    Object.assign(this, input);
  }

  static create(input: AcceptInvitationInput): AcceptInvitationCommand {
    return new AcceptInvitationCommand(
      checkCommand('accept invitation', { ...input, name: input.name?.trim() })
        .string('token', 200)
        .string('password', PASSWORD_MAX_LENGTH)
        .text('name', NAME_MAX_LENGTH)
        .string('clientIp')
        .valid(),
    );
  }
}
