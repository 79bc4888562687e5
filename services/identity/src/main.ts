import { bootstrapService } from '@obolus/platform';
import { loadIdentityConfig } from './identity.config';
import { IdentityModule } from './identity.module';
import { OpenApiDocument } from './openapi/openapi';

bootstrapService({
  service: 'identity',
  validateExtraConfig: (env) => void loadIdentityConfig(env),
  module: (config, logger) => IdentityModule.forRoot(config, logger, loadIdentityConfig()),
})
  .then((app) => app.get(OpenApiDocument).build(app))
  .catch((error: unknown) => {
    process.stderr.write(
      `identity: failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  });
