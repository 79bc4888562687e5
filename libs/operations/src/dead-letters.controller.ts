import { Body, Controller, Get, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, StaffOnly, StaffPrincipal } from '@obolus/auth';
import { DeadLetterDesk, DeadLetterView, view } from './dead-letter-desk';
import { ReplayDeadLetterDto } from './replay-dead-letter.dto';
import { StaffActionRecorder } from './staff-action-recorder';

/** S1: the dead letters of this service, for the staff console; replaying one is a staff action, audited. */
@ApiTags('staff')
@Controller('staff/dead-letters')
export class DeadLettersController {
  constructor(
    private readonly desk: DeadLetterDesk,
    private readonly recorder: StaffActionRecorder,
  ) {}

  @StaffOnly()
  @Get()
  @ApiOperation({ summary: "This service's dead letters (optionally one account's)" })
  async list(@Query('accountId') accountId?: string): Promise<{ letters: DeadLetterView[] }> {
    return { letters: await this.desk.list({ accountId: accountId || undefined }) };
  }

  @StaffOnly()
  @Post('replay')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Send one dead letter back to its topic, with the reason recorded' })
  async replay(
    @Body() body: ReplayDeadLetterDto,
    @CurrentPrincipal() staff: StaffPrincipal,
  ): Promise<{ replayed: DeadLetterView }> {
    const letter = await this.desk.find(body.topic, body.partition, body.offset);
    // Recorded first: a replay nobody can account for never happens.
    await this.recorder.record({
      staff,
      accountId: letter.accountId,
      action: 'dead-letter.replayed',
      reason: body.reason,
      subject: { type: 'event', id: letter.eventId ?? `${body.topic}/${body.partition}/${body.offset}` },
      details: { topic: body.topic, partition: body.partition, offset: body.offset, eventType: letter.eventType },
    });
    await this.desk.replay(body.topic, letter);
    return { replayed: view(body.topic, letter) };
  }
}
