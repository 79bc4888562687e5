export * from './anaf-client';
export * from './answers';
export * from './archive';
export * from './errors';
export * from './types';
export * from './signature';
