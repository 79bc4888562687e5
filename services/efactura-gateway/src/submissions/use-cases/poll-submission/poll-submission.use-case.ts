import { Inject, Injectable } from '@nestjs/common';
import { AnafArchiveError, AnafClient, checkArchiveSignature, parseErrorFile, readAnafArchive } from '@obolus/anaf';
import { EfacturaSubmissionAcceptedV1, EfacturaSubmissionRejectedV1 } from '@obolus/contracts';
import { AccountClocks, JobScheduler, UnitOfWork } from '@obolus/messaging';
import { EFACTURA_SETTINGS, EfacturaSettings } from '../../../efactura-settings';
import { EfacturaError } from '../../../efactura.errors';
import { AnafToken } from '../../anaf-token';
import { submissionAcceptedData, submissionRejectedData } from '../../mappers/submission-events';
import { pollWaitMs, STATUS_JOB, statusJobKey, StatusJobPayload } from '../../submission-jobs.schedule';
import { Submission, SubmissionsRepository } from '../../submissions.repository';
import { PollSubmissionCommand } from './poll-submission.command';

export type PollOutcome = 'processing' | 'accepted' | 'rejected' | 'skipped';

/**
 * E4: one stareMesaj of an uploaded document. `in prelucrare` (or a query error such as the daily
 * limit) plans the next poll, backing off. `ok` and `nok` download ANAF's archive and keep it
 * unchanged: accepted with the signed invoice, or rejected with ANAF's messages and their rule ids
 * read from the error file. A download that fails, is not a sound archive, or whose signature does not
 * hold (digest, RSA-SHA256 over SignedInfo, a trusted signer) is retried, never kept. The outcome is
 * published (`efactura.submission.accepted` / `.rejected`) in the unit of work that records it.
 */
@Injectable()
export class PollSubmissionUseCase {
  constructor(
    private readonly submissions: SubmissionsRepository,
    private readonly anaf: AnafClient,
    private readonly token: AnafToken,
    private readonly scheduler: JobScheduler,
    private readonly clocks: AccountClocks,
    @Inject(EFACTURA_SETTINGS) private readonly settings: EfacturaSettings,
  ) {}

  async execute(command: PollSubmissionCommand, uow: UnitOfWork): Promise<PollOutcome> {
    const submission = await this.submissions.lock(uow, command.documentId);
    if (!submission || submission.status !== 'uploaded' || !submission.uploadIndex) return 'skipped';
    const uploadIndex = submission.uploadIndex;
    const status = await this.token.call(submission.accountId, submission.cif, (accessToken) =>
      this.anaf.stareMesaj(accessToken, uploadIndex),
    );
    const now = await this.clocks.now(uow, submission.accountId);
    switch (status.state) {
      case 'processing':
      case 'query-error':
        await this.pollAgain(uow, submission, command.poll, now);
        return 'processing';
      case 'not-taken': {
        const messages = ['XML cu erori nepreluat de sistem'];
        await this.submissions.update(uow, submission.documentId, {
          status: 'rejected',
          anafErrors: messages,
          polls: command.poll,
          settledAt: now,
        });
        await this.publishRejected(uow, submission, { uploadIndex, downloadId: null, messages, ruleIds: [] }, now);
        return 'rejected';
      }
      case 'ok':
      case 'nok': {
        const archive = await this.download(submission, status.downloadId);
        if (status.state === 'ok') {
          await this.submissions.update(uow, submission.documentId, {
            status: 'accepted',
            downloadId: status.downloadId,
            archive: archive.zip,
            signer: archive.signer,
            polls: command.poll,
            settledAt: now,
          });
          const number = await this.submissions.invoiceNumberOf(uow, submission.accountId, submission.documentId);
          await uow.emit(EfacturaSubmissionAcceptedV1, {
            accountId: submission.accountId,
            subject: submission.documentId,
            data: submissionAcceptedData(
              submission,
              number,
              { uploadIndex, downloadId: status.downloadId, zip: archive.zip },
              now,
            ),
          });
          return 'accepted';
        }
        const errors = parseErrorFile(archive.document);
        await this.submissions.update(uow, submission.documentId, {
          status: 'rejected',
          downloadId: status.downloadId,
          archive: archive.zip,
          signer: archive.signer,
          anafErrors: errors.messages,
          ruleIds: errors.ruleIds,
          polls: command.poll,
          settledAt: now,
        });
        const answer = { uploadIndex, downloadId: status.downloadId, messages: errors.messages, ruleIds: errors.ruleIds };
        await this.publishRejected(uow, submission, answer, now);
        return 'rejected';
      }
    }
  }

  private async publishRejected(
    uow: UnitOfWork,
    submission: Submission,
    answer: { uploadIndex: string; downloadId: string | null; messages: string[]; ruleIds: string[] },
    now: Date,
  ): Promise<void> {
    const number = await this.submissions.invoiceNumberOf(uow, submission.accountId, submission.documentId);
    await uow.emit(EfacturaSubmissionRejectedV1, {
      accountId: submission.accountId,
      subject: submission.documentId,
      data: submissionRejectedData(submission, number, answer, now),
    });
  }

  private async pollAgain(uow: UnitOfWork, submission: Submission, poll: number, now: Date): Promise<void> {
    await this.submissions.update(uow, submission.documentId, { polls: poll });
    await this.scheduler.schedule<StatusJobPayload>(uow, {
      kind: STATUS_JOB,
      key: statusJobKey(submission.documentId, submission.attempt, poll + 1),
      accountId: submission.accountId,
      dueAt: new Date(now.getTime() + pollWaitMs(poll + 1, this.settings.statusPollMs)),
      payload: { documentId: submission.documentId, poll: poll + 1 },
    });
  }

  /** The archive, its document entry and its checked signer; anything short of a sound, signed archive is retried. */
  private async download(submission: Submission, downloadId: string): Promise<{ zip: Buffer; document: Buffer; signer: string }> {
    const answer = await this.token.call(submission.accountId, submission.cif, (accessToken) =>
      this.anaf.descarcare(accessToken, downloadId),
    );
    if (!('zip' in answer)) {
      // Past ANAF's 60 days the message is gone for good: the job fails (staff see it) instead of retrying forever.
      const why = `descarcare ${downloadId}: ${answer.error}`;
      throw answer.expired ? EfacturaError.anafRefusedRequest(why) : EfacturaError.anafUnavailable(why);
    }
    let archive;
    try {
      archive = readAnafArchive(answer.zip);
    } catch (error) {
      if (error instanceof AnafArchiveError) throw EfacturaError.anafUnavailable(`descarcare ${downloadId}: ${error.message}`);
      throw error;
    }
    const signature = checkArchiveSignature(archive, { trusted: this.settings.trustedSigners });
    if (!signature.valid)
      throw EfacturaError.anafUnavailable(`descarcare ${downloadId}: the signature does not hold: ${signature.reason}`);
    return { zip: answer.zip, document: archive.document.bytes, signer: signature.subject };
  }
}
