import { Injectable } from '@nestjs/common';
import { StaffActionTakenV1 } from '@obolus/contracts';
import { AccountClocks, JobScheduler, UnitOfWork } from '@obolus/messaging';
import { EfacturaError } from '../../../efactura.errors';
import { staffActionTaken } from '@obolus/operations';
import { SubmissionQueue } from '../../submission-queue';
import { UPLOAD_JOB, uploadJobKey } from '../../submission-jobs.schedule';
import { Submission, SubmissionsRepository } from '../../submissions.repository';
import { SubmissionView, submissionView } from '../get-submission/get-submission.use-case';
import { RetrySubmissionCommand } from './retry-submission.command';

/**
 * E4, staff: retries a submission after a fix outside the document (an authorisation renewed, a fault
 * on ANAF's side): the same stored XML is uploaded again, as a new attempt. Retryable: rejected by ANAF,
 * or still queued with its upload job failed for good. The attempt that ended is kept as it was (its
 * messages and archive), with who retried it and why; nothing is edited. A document whose content was
 * wrong is corrected with a credit note and a new invoice, never by a retry. `staff.action-taken` records
 * the retry (who, and why) in the same unit of work.
 */
@Injectable()
export class RetrySubmissionUseCase {
  constructor(
    private readonly submissions: SubmissionsRepository,
    private readonly queue: SubmissionQueue,
    private readonly scheduler: JobScheduler,
    private readonly clocks: AccountClocks,
  ) {}

  async execute(command: RetrySubmissionCommand, uow: UnitOfWork): Promise<SubmissionView> {
    const submission = await this.submissions.lockByInvoice(uow, command.accountId, command.invoiceId);
    if (!submission) throw EfacturaError.documentNotFound();
    await this.assertRetryable(uow, submission);
    const { status: previousStatus, standard } = submission;
    if ((await this.submissions.validXml(uow, submission.documentId)) === undefined) throw EfacturaError.documentNotFound();
    const now = await this.clocks.now(uow, command.accountId);
    await this.submissions.keepAttempt(uow, submission.documentId, {
      retriedAt: now,
      retriedBy: command.retriedBy,
      reason: command.reason,
    });
    const attempt = submission.attempt + 1;
    await this.submissions.update(uow, submission.documentId, {
      status: 'queued',
      attempt,
      queuedAt: now,
      uploadIndex: null,
      downloadId: null,
      anafErrors: [],
      ruleIds: [],
      polls: 0,
      uploadedAt: null,
      settledAt: null,
      archive: null,
      signer: null,
    });
    await this.queue.scheduleUpload(uow, submission, attempt);
    await uow.emit(
      StaffActionTakenV1,
      staffActionTaken(command, 'efactura.retried', command.accountId, now, {
        subject: { type: standard === 'CN' ? 'credit-note' : 'invoice', id: command.invoiceId },
        details: { documentId: submission.documentId, attempt, previousStatus },
      }),
    );
    const found = await this.submissions.findByInvoice(uow, command.accountId, command.invoiceId);
    if (!found) throw EfacturaError.documentNotFound();
    return submissionView(found, await this.submissions.attemptsOf(uow, command.accountId, submission.documentId));
  }

  private async assertRetryable(uow: UnitOfWork, submission: Submission): Promise<void> {
    if (submission.status === 'rejected') return;
    if (submission.status === 'queued') {
      const upload = await this.scheduler.find(uow, UPLOAD_JOB, uploadJobKey(submission.documentId, submission.attempt));
      if (upload?.status === 'failed') return;
      throw EfacturaError.submissionNotRetryable('queued', 'its upload is still pending');
    }
    throw EfacturaError.submissionNotRetryable(submission.status, '');
  }
}
