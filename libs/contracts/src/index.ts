export * from './catalog';
export * from './cloud-event';
export * from './event-contract';
export * from './topics';
export * from './identity/events';
export * from './notifications/events';
export { buildAsyncApiDocument, renderAsyncApiYaml } from './asyncapi';
