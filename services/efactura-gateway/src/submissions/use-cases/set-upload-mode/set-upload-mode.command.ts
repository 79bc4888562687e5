import { checkCommand } from '@obolus/platform';
import { UPLOAD_MODES, UploadMode } from '../../upload-settings.repository';

export interface SetUploadModeInput {
  accountId: string;
  uploadMode: UploadMode;
  /** `user:<id>` of the owner who chose. */
  changedBy: string;
}

/** The owner chooses how the account's valid documents reach ANAF: at once (automatic) or by hand (manual). */
export class SetUploadModeCommand {
  readonly accountId!: string;
  readonly uploadMode!: UploadMode;
  readonly changedBy!: string;

  private constructor(input: Readonly<SetUploadModeInput>) {
    Object.assign(this, input);
  }

  static create(input: SetUploadModeInput): SetUploadModeCommand {
    return new SetUploadModeCommand(
      checkCommand('set upload mode', input)
        .uuid('accountId')
        .that('uploadMode', UPLOAD_MODES.includes(input.uploadMode), `must be one of ${UPLOAD_MODES.join(', ')}`)
        .string('changedBy', 320)
        .valid(),
    );
  }
}
