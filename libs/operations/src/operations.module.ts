import { Module } from '@nestjs/common';
import { DeadLetterDesk } from './dead-letter-desk';
import { DeadLettersController } from './dead-letters.controller';
import { StaffActionRecorder } from './staff-action-recorder';

/** What every service offers the staff console besides its own domain: its dead letters, read and replayed. */
@Module({
  controllers: [DeadLettersController],
  providers: [DeadLetterDesk, StaffActionRecorder],
  exports: [StaffActionRecorder],
})
export class OperationsModule {}
