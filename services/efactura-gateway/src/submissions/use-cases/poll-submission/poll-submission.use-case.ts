import { Inject, Injectable } from '@nestjs/common';
import { AnafArchiveError, AnafClient, parseErrorFile, readAnafArchive } from '@obolus/anaf';
import { AccountClocks, JobScheduler, UnitOfWork } from '@obolus/messaging';
import { EFACTURA_SETTINGS, EfacturaSettings } from '../../../efactura-settings';
import { EfacturaError } from '../../../efactura.errors';
import { AnafToken } from '../../anaf-token';
import { pollWaitMs, STATUS_JOB, StatusJobPayload } from '../../submission-jobs.schedule';
import { Submission, SubmissionsRepository } from '../../submissions.repository';
import { PollSubmissionCommand } from './poll-submission.command';

export type PollOutcome = 'processing' | 'accepted' | 'rejected' | 'skipped';

/**
 * E4: one stareMesaj of an uploaded document. `in prelucrare` (or a query error such as the daily
 * limit) plans the next poll, backing off. `ok` and `nok` download ANAF's archive and keep it
 * unchanged: accepted with the signed invoice, or rejected with ANAF's messages and their rule ids
 * read from the error file. A download that fails, or is not a sound archive, is retried.
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
      case 'not-taken':
        await this.submissions.update(uow, submission.documentId, {
          status: 'rejected',
          anafErrors: ['XML cu erori nepreluat de sistem'],
          polls: command.poll,
          settledAt: now,
        });
        return 'rejected';
      case 'ok':
      case 'nok': {
        const archive = await this.download(submission, status.downloadId);
        if (status.state === 'ok') {
          await this.submissions.update(uow, submission.documentId, {
            status: 'accepted',
            downloadId: status.downloadId,
            archive: archive.zip,
            polls: command.poll,
            settledAt: now,
          });
          return 'accepted';
        }
        const errors = parseErrorFile(archive.document);
        await this.submissions.update(uow, submission.documentId, {
          status: 'rejected',
          downloadId: status.downloadId,
          archive: archive.zip,
          anafErrors: errors.messages,
          ruleIds: errors.ruleIds,
          polls: command.poll,
          settledAt: now,
        });
        return 'rejected';
      }
    }
  }

  private async pollAgain(uow: UnitOfWork, submission: Submission, poll: number, now: Date): Promise<void> {
    await this.submissions.update(uow, submission.documentId, { polls: poll });
    await this.scheduler.schedule<StatusJobPayload>(uow, {
      kind: STATUS_JOB,
      key: `${submission.documentId}:${poll + 1}`,
      accountId: submission.accountId,
      dueAt: new Date(now.getTime() + pollWaitMs(poll + 1, this.settings.statusPollMs)),
      payload: { documentId: submission.documentId, poll: poll + 1 },
    });
  }

  /** The archive and its document entry; anything short of a sound archive is retried. */
  private async download(submission: Submission, downloadId: string): Promise<{ zip: Buffer; document: Buffer }> {
    const answer = await this.token.call(submission.accountId, submission.cif, (accessToken) =>
      this.anaf.descarcare(accessToken, downloadId),
    );
    if (!('zip' in answer)) throw EfacturaError.anafUnavailable(`descarcare ${downloadId}: ${answer.error}`);
    try {
      return { zip: answer.zip, document: readAnafArchive(answer.zip).document.bytes };
    } catch (error) {
      if (error instanceof AnafArchiveError) throw EfacturaError.anafUnavailable(`descarcare ${downloadId}: ${error.message}`);
      throw error;
    }
  }
}
