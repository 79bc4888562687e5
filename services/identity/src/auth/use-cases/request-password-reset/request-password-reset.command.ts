import { checkCommand } from '@obolus/platform';
import { ClientInfo, isClientInfo } from '../../../sessions/session-tokens';

export interface RequestPasswordResetInput {
  email: string;
  client: ClientInfo;
}

/** Forgotten password: send a reset link to this address, if it is a user's. */
export class RequestPasswordResetCommand implements RequestPasswordResetInput {
  readonly email!: string;
  readonly client!: ClientInfo;

  private constructor(input: Readonly<RequestPasswordResetInput>) {
    Object.assign(this, input);
  }

  static create(input: RequestPasswordResetInput): RequestPasswordResetCommand {
    return new RequestPasswordResetCommand(
      checkCommand('request-password-reset', input)
        .string('email', 254)
        .that('client', isClientInfo(input.client), 'must name the client address')
        .valid(),
    );
  }
}
