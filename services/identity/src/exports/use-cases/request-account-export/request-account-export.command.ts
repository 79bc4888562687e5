import { checkCommand } from '@obolus/platform';

export interface RequestAccountExportInput {
  accountId: string;
  ownerUserId: string;
  ownerEmail: string;
  clientIp: string;
}

/** The owner asks for all of the account's data (A3), before closing it or at any time. */
export class RequestAccountExportCommand implements RequestAccountExportInput {
  readonly accountId!: string;
  readonly ownerUserId!: string;
  readonly ownerEmail!: string;
  readonly clientIp!: string;

  private constructor(input: Readonly<RequestAccountExportInput>) {
    Object.assign(this, input);
  }

  static create(input: RequestAccountExportInput): RequestAccountExportCommand {
    return new RequestAccountExportCommand(
      checkCommand('request account export', input)
        .uuid('accountId')
        .uuid('ownerUserId')
        .string('ownerEmail')
        .string('clientIp')
        .valid(),
    );
  }
}
