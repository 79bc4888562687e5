export * from './postgres';
export * from './service-process';
export * from './stack-services';
