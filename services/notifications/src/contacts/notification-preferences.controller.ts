import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, TenantAccountId } from '@obolus/auth';
import { UnitOfWorkRunner } from '@obolus/messaging';
import { IsArray, IsString } from 'class-validator';
import { SaveNotificationPreferencesCommand } from './use-cases/save-notification-preferences/save-notification-preferences.command';
import {
  NotificationPreferences,
  SaveNotificationPreferencesUseCase,
} from './use-cases/save-notification-preferences/save-notification-preferences.use-case';

export class NotificationPreferencesDto {
  @ApiProperty({ example: ['trial-ending'], description: 'Notices this user no longer wants (only those that may be muted)' })
  @IsArray()
  @IsString({ each: true })
  muted!: string[];
}

/** Each user's own notices: any user of the account, for themselves. */
@Controller('accounts/:accountId/notification-preferences/me')
export class NotificationPreferencesController {
  constructor(
    private readonly work: UnitOfWorkRunner,
    private readonly preferences: SaveNotificationPreferencesUseCase,
  ) {}

  @Get()
  get(@TenantAccountId() accountId: string, @CurrentPrincipal() user: Principal): Promise<NotificationPreferences> {
    return this.work.read((uow) => this.preferences.current(accountId, user.userId, uow));
  }

  @Put()
  put(
    @TenantAccountId() accountId: string,
    @CurrentPrincipal() user: Principal,
    @Body() body: NotificationPreferencesDto,
  ): Promise<NotificationPreferences> {
    return this.work.run((uow) =>
      this.preferences.execute(SaveNotificationPreferencesCommand.create({ accountId, userId: user.userId, muted: body.muted }), uow),
    );
  }
}
