import { Inject, Injectable } from '@nestjs/common';
import { AnafClient, ruleIdsOf } from '@obolus/anaf';
import { EfacturaSubmissionRejectedV1 } from '@obolus/contracts';
import { AccountClocks, JobScheduler, UnitOfWork } from '@obolus/messaging';
import { EFACTURA_SETTINGS, EfacturaSettings } from '../../../efactura-settings';
import { AnafToken } from '../../anaf-token';
import { submissionRejectedData } from '../../mappers/submission-events';
import { pollWaitMs, STATUS_JOB, statusJobKey, StatusJobPayload } from '../../submission-jobs.schedule';
import { SubmissionsRepository } from '../../submissions.repository';
import { UploadDocumentCommand } from './upload-document.command';

export type UploadOutcome = 'uploaded' | 'refused' | 'skipped';

/**
 * E1/E5: sends a queued document to ANAF (uploadb2c for a consumer), in the unit of work of its
 * durable job. Only a document the official checks passed is ever sent. An index means uploaded, and
 * its first status poll is planned; ANAF refusing the file at once is a rejection with its messages,
 * published (`efactura.submission.rejected`) in the same unit of work.
 * A timeout, 5xx or 429 throws `unavailable`: the job is retried with backoff and nothing is marked
 * rejected. (Should the commit fail after ANAF took the file, the retry's upload is answered as a
 * duplicate by ANAF, never accepted twice.)
 */
@Injectable()
export class UploadDocumentUseCase {
  constructor(
    private readonly submissions: SubmissionsRepository,
    private readonly anaf: AnafClient,
    private readonly token: AnafToken,
    private readonly scheduler: JobScheduler,
    private readonly clocks: AccountClocks,
    @Inject(EFACTURA_SETTINGS) private readonly settings: EfacturaSettings,
  ) {}

  async execute(command: UploadDocumentCommand, uow: UnitOfWork): Promise<UploadOutcome> {
    const submission = await this.submissions.lock(uow, command.documentId);
    if (!submission || submission.status !== 'queued') return 'skipped';
    const xml = await this.submissions.validXml(uow, submission.documentId);
    if (xml === undefined) return 'skipped';
    const request = { standard: submission.standard, cif: submission.cif, xml, extern: submission.extern };
    const result = await this.token.call(submission.accountId, submission.cif, (accessToken) =>
      submission.endpoint === 'uploadb2c' ? this.anaf.uploadB2c(accessToken, request) : this.anaf.upload(accessToken, request),
    );
    const now = await this.clocks.now(uow, submission.accountId);
    if (!result.accepted) {
      const ruleIds = ruleIdsOf(result.errors);
      await this.submissions.update(uow, submission.documentId, {
        status: 'rejected',
        anafErrors: result.errors,
        ruleIds,
        settledAt: now,
      });
      const number = await this.submissions.invoiceNumberOf(uow, submission.accountId, submission.documentId);
      const answer = { uploadIndex: null, downloadId: null, messages: result.errors, ruleIds };
      await uow.emit(EfacturaSubmissionRejectedV1, {
        accountId: submission.accountId,
        subject: submission.documentId,
        data: submissionRejectedData(submission, number, answer, now),
      });
      return 'refused';
    }
    await this.submissions.update(uow, submission.documentId, {
      status: 'uploaded',
      uploadIndex: result.uploadIndex,
      uploadedAt: now,
    });
    await this.scheduler.schedule<StatusJobPayload>(uow, {
      kind: STATUS_JOB,
      key: statusJobKey(submission.documentId, submission.attempt, 1),
      accountId: submission.accountId,
      dueAt: new Date(now.getTime() + pollWaitMs(1, this.settings.statusPollMs)),
      payload: { documentId: submission.documentId, poll: 1 },
    });
    return 'uploaded';
  }
}
