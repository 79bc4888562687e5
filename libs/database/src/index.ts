export * from './column-transformers';
export * from './connection-url';
export * from './provision';
export * from './service-data-source';
export * from './service-database';
export * from './insert-if-absent';
