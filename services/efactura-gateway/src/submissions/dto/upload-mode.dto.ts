import { IsIn } from 'class-validator';
import { UPLOAD_MODES, UploadMode } from '../upload-settings.repository';

/** How the account's valid documents reach ANAF: at once (automatic), or when the owner sends each (manual). */
export class UploadModeDto {
  @IsIn(UPLOAD_MODES)
  uploadMode!: UploadMode;
}
