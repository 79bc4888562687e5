import { renderAsyncApiYaml } from './asyncapi';

process.stdout.write(renderAsyncApiYaml());
