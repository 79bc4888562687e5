import { runService } from '@obolus/platform';
import { NotificationsModule } from './notifications.module';

runService({ service: 'notifications', module: (config, logger) => NotificationsModule.forRoot(config, logger) });
