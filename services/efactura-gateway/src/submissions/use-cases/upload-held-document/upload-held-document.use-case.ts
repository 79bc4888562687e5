import { Injectable } from '@nestjs/common';
import { AccountClocks, UnitOfWork } from '@obolus/messaging';
import { EfacturaError } from '../../../efactura.errors';
import { SubmissionQueue } from '../../submission-queue';
import { SubmissionsRepository } from '../../submissions.repository';
import { SubmissionView, submissionView } from '../get-submission/get-submission.use-case';
import { UploadHeldDocumentCommand } from './upload-held-document.command';

/**
 * E1, manual mode: the owner sends a held document. Only a held submission (which only a valid
 * document gets) is sent; it is queued and uploaded by its durable job, as in automatic mode, so an
 * ANAF outage or a missing authorisation makes it wait, never lost. Another account's answers 404.
 */
@Injectable()
export class UploadHeldDocumentUseCase {
  constructor(
    private readonly submissions: SubmissionsRepository,
    private readonly queue: SubmissionQueue,
    private readonly clocks: AccountClocks,
  ) {}

  async execute(command: UploadHeldDocumentCommand, uow: UnitOfWork): Promise<SubmissionView> {
    const submission = await this.submissions.lockByInvoice(uow, command.accountId, command.invoiceId);
    if (!submission) throw EfacturaError.documentNotFound();
    if (submission.status !== 'held') throw EfacturaError.submissionNotHeld(submission.status);
    if ((await this.submissions.validXml(uow, submission.documentId)) === undefined) throw EfacturaError.documentNotFound();
    const now = await this.clocks.now(uow, command.accountId);
    await this.submissions.update(uow, submission.documentId, { status: 'queued', queuedAt: now });
    await this.queue.scheduleUpload(uow, submission, submission.attempt);
    const found = await this.submissions.findByInvoice(uow, command.accountId, command.invoiceId);
    if (!found) throw EfacturaError.documentNotFound();
    return submissionView(found, await this.submissions.attemptsOf(uow, command.accountId, submission.documentId));
  }
}
