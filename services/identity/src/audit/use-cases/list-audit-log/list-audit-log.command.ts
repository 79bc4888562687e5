import { checkCommand } from '@obolus/platform';

export interface ListAuditLogInput {
  accountId: string;
  /** At most this many entries, 1 to 200; 50 when unset. */
  limit?: number;
  /** The id of the last entry of the previous page. */
  before?: string;
}

/** Read a page of one account's security trail, newest first. */
export class ListAuditLogCommand {
  readonly accountId!: string;
  readonly limit!: number;
  readonly before?: string;

  private constructor(input: Readonly<ListAuditLogInput & { limit: number }>) {
    Object.assign(this, input);
  }

  static create(input: ListAuditLogInput): ListAuditLogCommand {
    const page = { accountId: input.accountId, limit: input.limit ?? 50, ...(input.before ? { before: input.before } : {}) };
    return new ListAuditLogCommand(
      checkCommand('list audit log', page)
        .uuid('accountId')
        .integer('limit', 1, 200)
        .that('before', page.before === undefined || /^\d{1,18}$/.test(page.before), 'must be an entry id')
        .valid(),
    );
  }
}
