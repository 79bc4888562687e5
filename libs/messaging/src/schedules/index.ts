export * from './account-clocks';
export * from './job-ordering';
export * from './job-retry';
export * from './job-scheduler';
export * from './scheduled-job';
export * from './scheduled-job-runner';
export * from './scheduled-jobs.repository';
export * from './schedules.migration';
