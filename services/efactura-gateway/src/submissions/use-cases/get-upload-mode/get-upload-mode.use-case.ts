import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { UploadSettingsRepository } from '../../upload-settings.repository';
import { UploadModeView } from '../set-upload-mode/set-upload-mode.use-case';
import { GetUploadModeCommand } from './get-upload-mode.command';

/** E1: how the account's valid documents reach ANAF (automatic unless the owner chose manual). */
@Injectable()
export class GetUploadModeUseCase {
  constructor(private readonly settings: UploadSettingsRepository) {}

  async execute(command: GetUploadModeCommand, uow: UnitOfWork): Promise<UploadModeView> {
    const found = await this.settings.find(uow, command.accountId);
    return { uploadMode: found.uploadMode, updatedAt: found.updatedAt?.toISOString() ?? null, queued: 0 };
  }
}
