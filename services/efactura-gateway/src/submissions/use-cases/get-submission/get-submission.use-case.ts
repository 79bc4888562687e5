import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { EfacturaError } from '../../../efactura.errors';
import { Submission, SubmissionAttempt, SubmissionStatus, SubmissionsRepository } from '../../submissions.repository';
import { GetSubmissionCommand } from './get-submission.command';

/** What the owner sees of an invoice's way through ANAF. */
export interface SubmissionView {
  invoiceId: string;
  cif: string;
  endpoint: 'upload' | 'uploadb2c';
  status: SubmissionStatus;
  uploadIndex: string | null;
  downloadId: string | null;
  /** ANAF's messages on a rejection, and the rule ids they name. */
  anafErrors: string[];
  ruleIds: string[];
  /** Whether ANAF's signed answer is archived (downloadable at .../anaf-archive). */
  archived: boolean;
  /** Who signed the archived answer (its signature checked before it was kept). */
  signer: string | null;
  queuedAt: string;
  uploadedAt: string | null;
  settledAt: string | null;
  /** 1, then one more for each staff retry. */
  attempt: number;
  /** The attempts that ended (rejected or failed) and were retried, oldest first, kept as they were. */
  previousAttempts: AttemptView[];
}

export interface AttemptView {
  attempt: number;
  status: SubmissionStatus;
  uploadIndex: string | null;
  downloadId: string | null;
  anafErrors: string[];
  ruleIds: string[];
  archived: boolean;
  queuedAt: string;
  uploadedAt: string | null;
  settledAt: string | null;
  retriedAt: string;
  /** `staff:<id>`. */
  retriedBy: string;
  reason: string;
}

const iso = (date: Date | null): string | null => date?.toISOString() ?? null;

/** The view of a submission and its earlier attempts. */
export function submissionView(found: Submission & { archived: boolean }, attempts: SubmissionAttempt[]): SubmissionView {
  return {
    invoiceId: found.invoiceId,
    cif: found.cif,
    endpoint: found.endpoint,
    status: found.status,
    uploadIndex: found.uploadIndex,
    downloadId: found.downloadId,
    anafErrors: found.anafErrors,
    ruleIds: found.ruleIds,
    archived: found.archived,
    signer: found.signer,
    queuedAt: new Date(found.queuedAt).toISOString(),
    uploadedAt: iso(found.uploadedAt && new Date(found.uploadedAt)),
    settledAt: iso(found.settledAt && new Date(found.settledAt)),
    attempt: found.attempt,
    previousAttempts: attempts.map((a) => ({
      ...a,
      queuedAt: a.queuedAt.toISOString(),
      uploadedAt: iso(a.uploadedAt),
      settledAt: iso(a.settledAt),
      retriedAt: a.retriedAt.toISOString(),
    })),
  };
}

export interface ArchiveFile {
  filename: string;
  zip: Buffer;
}

@Injectable()
export class GetSubmissionUseCase {
  constructor(private readonly submissions: SubmissionsRepository) {}

  async execute(command: GetSubmissionCommand, uow: UnitOfWork): Promise<SubmissionView> {
    const found = await this.submissions.findByInvoice(uow, command.accountId, command.invoiceId);
    if (!found) throw EfacturaError.documentNotFound();
    return submissionView(found, await this.submissions.attemptsOf(uow, command.accountId, found.documentId));
  }

  /** ANAF's ZIP exactly as downloaded: the invoice (or error file) and the Ministry of Finance signature. */
  async archive(command: GetSubmissionCommand, uow: UnitOfWork): Promise<ArchiveFile> {
    const found = await this.submissions.archiveOf(uow, command.accountId, command.invoiceId);
    if (!found) throw EfacturaError.archiveNotFound();
    return { filename: `${found.invoiceNumber}-anaf-${found.uploadIndex}.zip`, zip: found.zip };
  }
}
