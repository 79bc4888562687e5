export * from './api-error';
export * from './bootstrap';
export * from './clock';
export * from './service-config';
export * from './service-runtime';
export * from './service.module';
export * from './tokens';
export * from './validation';
