import { checkCommand } from '@obolus/platform';
import { MUTABLE_TEMPLATES } from '../../../email/notice-catalog';

export interface SaveNotificationPreferencesInput {
  accountId: string;
  userId: string;
  /** The notices this user no longer wants: each one that may be muted. */
  muted: string[];
}

export class SaveNotificationPreferencesCommand {
  readonly accountId!: string;
  readonly userId!: string;
  readonly muted!: string[];

  private constructor(input: Readonly<SaveNotificationPreferencesInput>) {
    Object.assign(this, input);
  }

  static create(input: SaveNotificationPreferencesInput): SaveNotificationPreferencesCommand {
    const muted = Array.isArray(input.muted) ? input.muted : [];
    const refused = muted.filter((template) => !MUTABLE_TEMPLATES.includes(template as never));
    return new SaveNotificationPreferencesCommand(
      checkCommand('save notification preferences', { ...input, muted: [...new Set(muted)] })
        .uuid('accountId')
        .uuid('userId')
        .that('muted', Array.isArray(input.muted), 'must be a list of notices')
        .that(
          'muted',
          refused.length === 0,
          `may only list notices that can be muted (${MUTABLE_TEMPLATES.join(', ')}); legal, financial and security notices are always sent: ${refused.slice(0, 5).join(', ')}`,
        )
        .valid(),
    );
  }
}
