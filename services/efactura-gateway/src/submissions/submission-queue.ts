import { Injectable } from '@nestjs/common';
import { AccountClocks, JobScheduler, UnitOfWork } from '@obolus/messaging';
import { SubmissionTarget } from './submission-target';
import { UPLOAD_JOB, uploadJobKey, UploadJobPayload } from './submission-jobs.schedule';
import { SubmissionsRepository } from './submissions.repository';
import { UploadSettingsRepository } from './upload-settings.repository';

export interface QueuedDocument {
  documentId: string;
  accountId: string;
  invoiceId: string;
}

/**
 * Queues a valid document for upload, in the unit of work that stored it: the submission row and its
 * durable upload job exist exactly when the document does. An account in manual mode gets the row
 * held, without a job, until the owner sends it (`send`). The account's jobs run one after the other
 * in due order (the runner's per-account lane; deadline jobs have a lane of their own), which makes the
 * queue per tenant.
 */
@Injectable()
export class SubmissionQueue {
  constructor(
    private readonly submissions: SubmissionsRepository,
    private readonly settings: UploadSettingsRepository,
    private readonly scheduler: JobScheduler,
    private readonly clocks: AccountClocks,
  ) {}

  async queue(uow: UnitOfWork, document: QueuedDocument, target: SubmissionTarget, now: Date): Promise<void> {
    const { uploadMode } = await this.settings.find(uow, document.accountId);
    const status = uploadMode === 'manual' ? 'held' : 'queued';
    const inserted = await this.submissions.insertIfAbsent(uow, { ...document, ...target, queuedAt: now, status });
    if (!inserted || status === 'held') return;
    await this.scheduleUpload(uow, document, 1);
  }

  /** Plans the upload of a submission's attempt (a held document sent, a retried one), due at once in the account's time. */
  async scheduleUpload(uow: UnitOfWork, document: { documentId: string; accountId: string }, attempt: number): Promise<void> {
    await this.scheduler.schedule<UploadJobPayload>(uow, {
      kind: UPLOAD_JOB,
      key: uploadJobKey(document.documentId, attempt),
      accountId: document.accountId,
      // Due at once in the account's time: on a test clock, its frozen time, not the wall clock's.
      dueAt: await this.clocks.now(uow, document.accountId),
      payload: { documentId: document.documentId },
    });
  }
}
