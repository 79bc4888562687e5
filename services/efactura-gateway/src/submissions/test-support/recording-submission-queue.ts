import { UnitOfWork } from '@obolus/messaging';
import { QueuedDocument, SubmissionQueue } from '../submission-queue';
import { SubmissionTarget } from '../submission-target';

/** The upload queue's stand-in for use-case specs: keeps what was queued. */
export class RecordingSubmissionQueue implements Pick<SubmissionQueue, 'queue'> {
  readonly queued: (QueuedDocument & SubmissionTarget)[] = [];

  async queue(_uow: UnitOfWork, document: QueuedDocument, target: SubmissionTarget): Promise<void> {
    this.queued.push({ ...document, ...target });
  }
}
