import { checkCommand } from '@obolus/platform';
import { IncomingPollPayload } from '../../incoming-schedule';

/** List one CUI's received invoices once, and keep each new one. */
export class PollIncomingInvoicesCommand implements IncomingPollPayload {
  readonly accountId!: string;
  readonly cif!: string;
  readonly chain!: string;
  readonly run!: number;

  private constructor(input: Readonly<IncomingPollPayload>) {
    Object.assign(this, input);
  }

  static create(input: IncomingPollPayload): PollIncomingInvoicesCommand {
    return new PollIncomingInvoicesCommand(
      checkCommand('poll incoming invoices', input)
        .uuid('accountId')
        .that('cif', /^\d{2,10}$/.test(input.cif ?? ''), 'must be a CUI, digits only')
        .that('chain', typeof input.chain === 'string' && !Number.isNaN(Date.parse(input.chain)), 'must be an instant')
        .that('run', Number.isInteger(input.run) && input.run >= 1, 'must be a whole number from 1')
        .valid(),
    );
  }
}
