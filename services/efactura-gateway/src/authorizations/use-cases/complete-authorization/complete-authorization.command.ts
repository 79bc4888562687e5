import { checkCommand } from '@obolus/platform';

export interface CompleteAuthorizationInput {
  state: string;
  /** The code ANAF put on the callback; absent when the holder refused (then `error`). */
  code?: string;
  error?: string;
}

/** ANAF sent the holder's browser back to the callback. */
export class CompleteAuthorizationCommand implements CompleteAuthorizationInput {
  readonly state!: string;
  readonly code?: string;
  readonly error?: string;

  private constructor(input: Readonly<CompleteAuthorizationInput>) {
    Object.assign(this, input);
  }

  static create(input: CompleteAuthorizationInput): CompleteAuthorizationCommand {
    const text = (value: unknown) => typeof value === 'string' && value.length > 0 && value.length <= 4096;
    return new CompleteAuthorizationCommand(
      checkCommand('complete authorization', input)
        .that('state', text(input.state), 'must be the state Obolus sent')
        .that('code', input.error !== undefined || text(input.code), 'must be the code ANAF sent')
        .valid(),
    );
  }
}
