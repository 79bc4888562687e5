import { NAME_MAX_LENGTH } from '@obolus/contracts';
import { checkCommand } from '@obolus/platform';

export interface CreateTestClockInput {
  frozenTime: string;
  name: string;
}

/** Create a test clock standing at a frozen time. */
export class CreateTestClockCommand {
  readonly frozenTime!: string;
  readonly name!: string;

  private constructor(input: Readonly<CreateTestClockInput>) {
    Object.assign(this, input);
  }

  static create(input: CreateTestClockInput): CreateTestClockCommand {
    const trimmed = { frozenTime: input.frozenTime, name: typeof input.name === 'string' ? input.name.trim() : input.name };
    return new CreateTestClockCommand(
      checkCommand('create test clock', trimmed).instant('frozenTime').text('name', NAME_MAX_LENGTH).valid(),
    );
  }
}
