import { Injectable } from '@nestjs/common';
import { AccountClocks, UnitOfWork } from '@obolus/messaging';
import { SubmissionQueue } from '../../submission-queue';
import { SubmissionsRepository } from '../../submissions.repository';
import { UploadMode, UploadSettingsRepository } from '../../upload-settings.repository';
import { SetUploadModeCommand } from './set-upload-mode.command';

/** The account's upload mode as the owner sees it. */
export interface UploadModeView {
  uploadMode: UploadMode;
  /** Null while the account never chose (automatic, the default). */
  updatedAt: string | null;
  /** Held documents queued for upload by this change (back to automatic); 0 otherwise. */
  queued: number;
}

/**
 * E1: sets the account's upload mode. Manual holds each valid document stored from now on until the
 * owner sends it; back to automatic, the documents still held are queued at once, oldest first.
 */
@Injectable()
export class SetUploadModeUseCase {
  constructor(
    private readonly settings: UploadSettingsRepository,
    private readonly submissions: SubmissionsRepository,
    private readonly queue: SubmissionQueue,
    private readonly clocks: AccountClocks,
  ) {}

  async execute(command: SetUploadModeCommand, uow: UnitOfWork): Promise<UploadModeView> {
    const now = await this.clocks.now(uow, command.accountId);
    await this.settings.save(uow, {
      accountId: command.accountId,
      uploadMode: command.uploadMode,
      at: now,
      by: command.changedBy,
    });
    let queued = 0;
    if (command.uploadMode === 'automatic') {
      for (const held of await this.submissions.lockHeld(uow, command.accountId)) {
        await this.submissions.update(uow, held.documentId, { status: 'queued', queuedAt: now });
        await this.queue.scheduleUpload(uow, held, held.attempt);
        queued += 1;
      }
    }
    return { uploadMode: command.uploadMode, updatedAt: now.toISOString(), queued };
  }
}
