export * from './infrastructure';
export * from './otlp-receiver';
export * from './wait-for';
export * from './crowd';
export * from './tcp-proxy';
export * from './hostile-input';
export * from './unit-of-work';
export * from './invoice-fixtures';
