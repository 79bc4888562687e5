import { DynamicModule, Module } from '@nestjs/common';
import { LOGGER } from '@obolus/platform';
import { Logger } from 'pino';
import { HealthController } from './health.controller';
import { PortalConfigController } from './portal-config.controller';
import { SessionController } from './session/session.controller';
import { WebSessions } from './session/web-sessions';
import { WEB_CONFIG, WebConfig } from './web.config';

@Module({})
export class WebModule {
  static forRoot(config: WebConfig, logger: Logger): DynamicModule {
    return {
      module: WebModule,
      controllers: [HealthController, PortalConfigController, SessionController],
      providers: [{ provide: WEB_CONFIG, useValue: config }, { provide: LOGGER, useValue: logger }, WebSessions],
    };
  }
}
