import { checkCommand } from '@obolus/platform';

/** Revoke an API key: it is refused from then on. */
export class RevokeApiKeyCommand {
  readonly id!: string;

  private constructor(input: Readonly<{ id: string }>) {
    Object.assign(this, input);
  }

  static create(input: { id: string }): RevokeApiKeyCommand {
    return new RevokeApiKeyCommand(checkCommand('revoke API key', { id: input.id }).uuid('id').valid());
  }
}
