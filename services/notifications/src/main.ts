import { runService } from '@obolus/platform';
import { notificationsConfigSpec } from './notifications.config';
import { NotificationsModule } from './notifications.module';

runService({
  service: 'notifications',
  config: notificationsConfigSpec,
  module: (config, logger) => NotificationsModule.forRoot(config, logger),
});
