import { checkCommand } from '@obolus/platform';

export interface ChangeEditionInput {
  accountId: string;
  edition: string;
}

/** Change the edition of the whole account (C2, C5; T2 during a trial). */
export class ChangeEditionCommand implements ChangeEditionInput {
  readonly accountId!: string;
  readonly edition!: string;

  private constructor(input: Readonly<ChangeEditionInput>) {
    Object.assign(this, input);
  }

  static create(input: ChangeEditionInput): ChangeEditionCommand {
    return new ChangeEditionCommand(checkCommand('change edition', input).uuid('accountId').text('edition', 64).valid());
  }
}
