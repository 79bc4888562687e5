import { Locale, LOCALES } from '@obolus/contracts';
import { checkCommand } from '@obolus/platform';

export interface SaveAccountContactInput {
  accountId: string;
  ownerUserId: string;
  ownerEmail: string;
  locale: Locale;
}

/** Who to tell about an account's own webhook endpoints, and in which language. */
export class SaveAccountContactCommand {
  readonly accountId!: string;
  readonly ownerUserId!: string;
  readonly ownerEmail!: string;
  readonly locale!: Locale;

  private constructor(input: Readonly<SaveAccountContactInput>) {
    Object.assign(this, input);
  }

  static create(input: SaveAccountContactInput): SaveAccountContactCommand {
    return new SaveAccountContactCommand(
      checkCommand('save account contact', input).uuid('accountId').uuid('ownerUserId').email('ownerEmail').oneOf('locale', LOCALES).valid(),
    );
  }
}
