export * from './money-error';
export * from './currency';
export { parseDecimal, divideRoundHalfUp } from './decimal';
export type { ScaledDecimal } from './decimal';
export * from './money';
export * from './allocation';
export * from './en16931-rounding';
export * from './proration';
