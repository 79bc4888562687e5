import { createLogger, shutdownTelemetry } from '@obolus/observability';
import { ConfigError, loadConfig } from '@obolus/platform';
import { createEdge } from './edge';
import { webConfigSpec } from './web.config';

/** The web edge: the portal's files and its one door to the services. No database, no broker. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(webConfigSpec);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`web: ${error.message}\n`);
    process.exit(1);
  }
  const logger = createLogger('web');
  const app = await createEdge(config, logger);
  await app.listen(config.PORT, '0.0.0.0');
  logger.info({ port: config.PORT, url: `http://127.0.0.1:${config.PORT}` }, 'web listening');
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    logger.info({ signal }, 'stopping');
    await app.close().catch((error: Error) => logger.error({ error: error.message }, 'failed to stop cleanly'));
    await shutdownTelemetry();
    process.exit(0);
  };
  process.on('SIGTERM', (signal) => void stop(signal));
  process.on('SIGINT', (signal) => void stop(signal));
}

main().catch((error: unknown) => {
  process.stderr.write(`web: failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
