export * from './dead-letter-desk';
export * from './dead-letters.controller';
export * from './dead-letters.error';
export * from './operations.module';
export * from './staff-action-recorder';
export * from './staff-action';
