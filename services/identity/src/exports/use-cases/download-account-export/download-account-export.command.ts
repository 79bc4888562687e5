import { checkCommand } from '@obolus/platform';

export interface DownloadAccountExportInput {
  exportId: string;
  /** The signed token of the e-mailed link. */
  token: string;
}

/** Whoever holds the link downloads the ZIP, until the link expires (after closure too). */
export class DownloadAccountExportCommand implements DownloadAccountExportInput {
  readonly exportId!: string;
  readonly token!: string;

  private constructor(input: Readonly<DownloadAccountExportInput>) {
    Object.assign(this, input);
  }

  static create(input: DownloadAccountExportInput): DownloadAccountExportCommand {
    return new DownloadAccountExportCommand(
      checkCommand('download account export', input).uuid('exportId').string('token', 4096).valid(),
    );
  }
}
