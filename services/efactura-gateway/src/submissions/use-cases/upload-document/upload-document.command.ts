import { checkCommand } from '@obolus/platform';

/** Upload one queued document to ANAF. */
export class UploadDocumentCommand {
  readonly documentId!: string;

  private constructor(input: Readonly<{ documentId: string }>) {
    Object.assign(this, input);
  }

  static create(input: { documentId: string }): UploadDocumentCommand {
    return new UploadDocumentCommand(checkCommand('upload document', input).uuid('documentId').valid());
  }
}
