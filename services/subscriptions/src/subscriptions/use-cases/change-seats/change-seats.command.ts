import { checkCommand } from '@obolus/platform';

export interface ChangeSeatsInput {
  accountId: string;
  userId: string;
  change: 'joined' | 'removed';
}

/** A user joined or left the account (`user.joined`, `user.removed`): its seats follow (B5, A4). */
export class ChangeSeatsCommand implements ChangeSeatsInput {
  readonly accountId!: string;
  readonly userId!: string;
  readonly change!: 'joined' | 'removed';

  private constructor(input: Readonly<ChangeSeatsInput>) {
    Object.assign(this, input);
  }

  static create(input: ChangeSeatsInput): ChangeSeatsCommand {
    return new ChangeSeatsCommand(
      checkCommand('change seats', input).uuid('accountId').uuid('userId').oneOf('change', ['joined', 'removed']).valid(),
    );
  }
}
