export * from './cli-io';
export { runCli } from './run-cli';
