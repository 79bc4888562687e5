import { CloudEvent } from '@obolus/contracts';
import { checkCommand } from '@obolus/platform';

export interface RecordOwnerNoticeInput {
  /** An event owing the owner an e-mail, that names neither the owner's address nor the language. */
  event: CloudEvent<{ accountId: string }>;
}

export class RecordOwnerNoticeCommand {
  readonly event!: CloudEvent<{ accountId: string }>;
  readonly accountId!: string;

  private constructor(input: Readonly<RecordOwnerNoticeCommand>) {
    Object.assign(this, input);
  }

  static create({ event }: RecordOwnerNoticeInput): RecordOwnerNoticeCommand {
    return new RecordOwnerNoticeCommand(
      checkCommand('record owner notice', { event, accountId: event?.data?.accountId })
        .that('event', typeof event?.type === 'string' && typeof event?.id === 'string', 'must be a CloudEvent')
        .uuid('accountId')
        .valid(),
    );
  }
}
