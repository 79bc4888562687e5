/** The durable job that assembles an export, keyed by the export's id. */
export const ASSEMBLE_EXPORT_JOB = 'identity.assemble-account-export';

export interface AssembleExportJobPayload extends Record<string, unknown> {
  exportId: string;
}
