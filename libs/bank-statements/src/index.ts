export * from './bank-statement-error';
export * from './model';
export { parseCamt053 } from './camt053/parse-camt053';
export type { ParseCamt053Options } from './camt053/parse-camt053';
export { DEFAULT_MAX_CAMT_BYTES } from './camt053/read-xml';
export * from './payment-reference/iso11649';
export * from './matching/normalize-name';
export * from './matching/match-statement';
export * from './test-support/build-camt053';
