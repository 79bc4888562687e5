import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { PinoNestLogger } from '@obolus/observability';
import { ApiExceptionFilter, jsonBody } from '@obolus/platform';
import { Logger } from 'pino';
import { serviceProxy } from './proxy/proxy';
import { csrfMiddleware } from './security/csrf.middleware';
import { securityHeadersMiddleware } from './security/security-headers';
import { staticSite } from './static/static-site';
import { WebModule } from './web.module';
import { serviceUrls, WebConfig } from './web.config';

/**
 * The web edge as an application, not yet listening: security headers on every answer, the CSRF check
 * on /api writes, `/api/<service>/…` streamed to the services, the session routes (the only bodies the
 * edge reads itself), then the portal's files and index.html for its page addresses.
 */
export async function createEdge(config: WebConfig, logger: Logger): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(WebModule.forRoot(config, logger), {
    logger: new PinoNestLogger(logger),
    bodyParser: false,
  });
  app.disable('x-powered-by');
  app.use(securityHeadersMiddleware({ stripeApiUrl: config.WEB_STRIPE_API_URL, secure: config.WEB_COOKIE_SECURE }));
  app.use('/api', csrfMiddleware());
  app.use('/api', serviceProxy(serviceUrls(config), logger));
  app.use(['/api/session', '/api/staff/session'], jsonBody('16kb'));
  app.use(staticSite(config.WEB_PUBLIC_DIR));
  app.useGlobalFilters(new ApiExceptionFilter());
  await app.init();
  return app;
}
