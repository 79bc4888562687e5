import { UnitOfWork, UnitOfWorkRunner } from '@obolus/messaging';
import { Clock } from '@obolus/platform';
import { RecordingUnitOfWork } from '@obolus/testing';

/** Opens a fresh recording unit of work for each `run`, for use cases that commit part of their work apart. */
export class RecordingUnitOfWorkRunner implements Pick<UnitOfWorkRunner, 'run'> {
  readonly opened: RecordingUnitOfWork[] = [];

  constructor(private readonly clock: Clock) {}

  run<T>(work: (uow: UnitOfWork) => Promise<T>): Promise<T> {
    const uow = new RecordingUnitOfWork(this.clock);
    this.opened.push(uow);
    return work(uow);
  }
}
