import { checkCommand } from '@obolus/platform';

export interface RecordMemberChangeInput {
  accountId: string;
  userId: string;
  change: 'joined' | 'removed';
  /** For a user who joined. */
  email?: string;
  role?: string;
}

/** A user joined or left an account: who hears its notices changes. */
export class RecordMemberChangeCommand {
  readonly accountId!: string;
  readonly userId!: string;
  readonly change!: 'joined' | 'removed';
  readonly email?: string;
  readonly role?: string;

  private constructor(input: Readonly<RecordMemberChangeInput>) {
    Object.assign(this, input);
  }

  static create(input: RecordMemberChangeInput): RecordMemberChangeCommand {
    const checks = checkCommand('record member change', input).uuid('accountId').uuid('userId').oneOf('change', ['joined', 'removed']);
    if (input.change === 'joined') checks.email('email').oneOf('role', ['owner', 'admin', 'user']);
    return new RecordMemberChangeCommand(checks.valid());
  }
}
