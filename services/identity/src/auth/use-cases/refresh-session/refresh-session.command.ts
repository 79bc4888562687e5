import { checkCommand } from '@obolus/platform';
import { ClientInfo, isClientInfo } from '../../../sessions/session-tokens';

export interface RefreshSessionInput {
  refreshToken: string;
  client: ClientInfo;
}

/** Exchange a refresh token for a new pair in the same session. */
export class RefreshSessionCommand implements RefreshSessionInput {
  readonly refreshToken!: string;
  readonly client!: ClientInfo;

  private constructor(input: Readonly<RefreshSessionInput>) {
    Object.assign(this, input);
  }

  static create(input: RefreshSessionInput): RefreshSessionCommand {
    return new RefreshSessionCommand(
      checkCommand('refresh-session', input)
        .string('refreshToken', 200)
        .that('client', isClientInfo(input.client), 'must name the client address')
        .valid(),
    );
  }
}
