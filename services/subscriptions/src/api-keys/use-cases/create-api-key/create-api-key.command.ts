import { checkCommand } from '@obolus/platform';
import { API_KEY_NAME_MAX_LENGTH } from '../../api-key';

export interface CreateApiKeyInput {
  /** What the key is for: the integrating product, e.g. "fr-crm production". */
  name: string;
  /** The staff member creating it. */
  createdBy: string;
}

/** Create an API key for an integrating product. */
export class CreateApiKeyCommand {
  readonly name!: string;
  readonly createdBy!: string;

  private constructor(input: Readonly<CreateApiKeyInput>) {
    Object.assign(this, input);
  }

  static create(input: CreateApiKeyInput): CreateApiKeyCommand {
    const trimmed = { name: typeof input.name === 'string' ? input.name.trim() : input.name, createdBy: input.createdBy };
    return new CreateApiKeyCommand(
      checkCommand('create API key', trimmed).text('name', API_KEY_NAME_MAX_LENGTH).string('createdBy', 200).valid(),
    );
  }
}
