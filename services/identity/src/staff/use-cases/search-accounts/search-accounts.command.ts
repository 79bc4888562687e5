import { isUuid } from '@obolus/contracts';
import { checkCommand } from '@obolus/platform';
import { ACCOUNT_SEARCH_DEFAULT_LIMIT, ACCOUNT_SEARCH_MAX_LIMIT } from '../../dto/staff-accounts.dto';

export interface SearchAccountsInput {
  q: string;
  /** At most this many accounts; 20 when unset. */
  limit?: number;
}

/** Find accounts for the console by company name, a user's address or the account id. */
export class SearchAccountsCommand {
  readonly q!: string;
  readonly limit!: number;

  private constructor(input: Readonly<{ q: string; limit: number }>) {
    Object.assign(this, input);
  }

  static create(input: SearchAccountsInput): SearchAccountsCommand {
    const q = typeof input.q === 'string' ? input.q.trim() : input.q;
    const search = { q, limit: input.limit ?? ACCOUNT_SEARCH_DEFAULT_LIMIT };
    return new SearchAccountsCommand(
      checkCommand('search accounts', search)
        .that(
          'q',
          typeof q === 'string' && q.length <= 254 && (q.length >= 2 || isUuid(q)),
          'must be at least 2 characters of a company name or an e-mail address, or an account id',
        )
        .integer('limit', 1, ACCOUNT_SEARCH_MAX_LIMIT)
        .valid(),
    );
  }
}
