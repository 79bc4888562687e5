import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { serviceConnectionUrl } from '@obolus/database';
import { createLogger } from '@obolus/observability';
import { ApiExceptionFilter, createValidationPipe, jsonBody, loadConfig, loadServiceConfig } from '@obolus/platform';
import { AddressInfo } from 'node:net';
import { notificationsConfigSpec } from '../src/notifications.config';
import { NotificationsModule } from '../src/notifications.module';

/**
 * notifications in this process with its HTTP routes and its scheduled-job runner, but no Kafka
 * consumer (the shared broker's group belongs to running stacks): tests hand events to the consumers
 * as the transport does. Access tokens are checked against `jwksUrl`.
 */
export async function startNotifications(
  jwksUrl: string,
  env: Record<string, string> = {},
): Promise<{ app: INestApplication; url: string }> {
  const all = {
    ...process.env,
    PORT: '0',
    LOG_LEVEL: 'warn',
    DATABASE_URL: serviceConnectionUrl(process.env.DATABASE_ADMIN_URL!, 'notifications'),
    IDENTITY_JWKS_URL: jwksUrl,
    SMTP_URL: 'smtp://127.0.0.1:1',
    INVOICING_URL: 'http://127.0.0.1:1',
    INVOICING_SERVICE_KEY: 'unused-here',
    WEBHOOK_SECRETS_KEY: 'aW50LXRlc3Qtd2ViaG9vay1zZWNyZXRzLWtleS0zMmI=',
    WEBHOOKS_ALLOW_HTTP_LOOPBACK: 'true',
    ...env,
  };
  const config = { ...loadServiceConfig(all), ...loadConfig(notificationsConfigSpec, all) };
  const app = await NestFactory.create<NestExpressApplication>(NotificationsModule.forRoot(config, createLogger('notifications')), {
    logger: ['error'],
    bodyParser: false,
  });
  app.use(jsonBody('1mb'));
  app.useGlobalFilters(new ApiExceptionFilter());
  app.useGlobalPipes(createValidationPipe());
  await app.listen(0, '127.0.0.1');
  return { app, url: `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}` };
}
