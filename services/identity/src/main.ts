import { runService } from '@obolus/platform';
import { checkIdentityConfig, identityConfigSpec } from './identity.config';
import { IdentityModule } from './identity.module';
import { OpenApiDocument } from './openapi/openapi';

runService({
  service: 'identity',
  config: identityConfigSpec,
  check: checkIdentityConfig,
  module: (config, logger) => IdentityModule.forRoot(config, logger),
  afterStart: (app) => app.get(OpenApiDocument).build(app),
});
