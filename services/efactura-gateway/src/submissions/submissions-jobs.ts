import { Injectable, OnModuleInit } from '@nestjs/common';
import { ScheduledJobRunner } from '@obolus/messaging';
import { STATUS_JOB, StatusJobPayload, UPLOAD_JOB, UploadJobPayload } from './submission-jobs.schedule';
import { PollSubmissionCommand } from './use-cases/poll-submission/poll-submission.command';
import { PollSubmissionUseCase } from './use-cases/poll-submission/poll-submission.use-case';
import { UploadDocumentCommand } from './use-cases/upload-document/upload-document.command';
import { UploadDocumentUseCase } from './use-cases/upload-document/upload-document.use-case';

/** The durable jobs of submissions: an upload per document, a status poll per try; registered on the service's runner. */
@Injectable()
export class SubmissionsJobs implements OnModuleInit {
  constructor(
    private readonly runner: ScheduledJobRunner,
    private readonly upload: UploadDocumentUseCase,
    private readonly poll: PollSubmissionUseCase,
  ) {}

  registerOn(runner: ScheduledJobRunner): ScheduledJobRunner {
    return runner
      .register<UploadJobPayload>(UPLOAD_JOB, async (job, uow) => {
        await this.upload.execute(UploadDocumentCommand.create({ documentId: job.payload.documentId }), uow);
      })
      .register<StatusJobPayload>(STATUS_JOB, async (job, uow) => {
        await this.poll.execute(
          PollSubmissionCommand.create({ documentId: job.payload.documentId, poll: job.payload.poll }),
          uow,
        );
      });
  }

  onModuleInit(): void {
    this.registerOn(this.runner);
  }
}
