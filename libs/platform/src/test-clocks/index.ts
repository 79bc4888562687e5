export * from './use-cases/assign-account-clock/assign-account-clock.command';
export * from './use-cases/assign-account-clock/assign-account-clock.use-case';
export * from './use-cases/catch-up-test-clock/catch-up-test-clock.command';
export * from './use-cases/catch-up-test-clock/catch-up-test-clock.use-case';
export * from './test-clocks.consumer';
export * from './test-clocks.config';
