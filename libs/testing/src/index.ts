export * from './infrastructure';
export * from './otlp-receiver';
export * from './wait-for';
