import { runService } from '@obolus/platform';
import { IdentityModule } from './identity.module';

runService({ service: 'identity', module: (config, logger) => IdentityModule.forRoot(config, logger) });
