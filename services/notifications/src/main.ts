import { str, url } from '@obolus/observability';
import { runService } from '@obolus/platform';
import { NotificationsModule } from './notifications.module';

runService({
  service: 'notifications',
  extraConfig: {
    SMTP_URL: url('the SMTP server that sends e-mail, smtp://user:password@host:port', ['smtp', 'smtps']),
    MAIL_FROM: str('the sender of every e-mail', 'Obolus <billing@obolus.example>'),
  },
  module: (config, logger) => NotificationsModule.forRoot(config, logger),
});
