import { runService } from '@obolus/platform';
import { InvoicingModule } from './invoicing.module';

runService({ service: 'invoicing', module: (config, logger) => InvoicingModule.forRoot(config, logger) });
