import { TestClockCreatedV1 } from '@obolus/contracts';
import { InvalidCommandError } from '@obolus/platform';
import { RecordingUnitOfWork, SettableClock } from '@obolus/testing';
import { TestClocksRepository } from '../../test-clocks.repository';
import { InMemoryTestClocks } from '../../test-support/in-memory-test-clocks';
import { CreateTestClockCommand } from './create-test-clock.command';
import { CreateTestClockUseCase } from './create-test-clock.use-case';

describe('CreateTestClockUseCase', () => {
  const clock = new SettableClock(new Date('2026-11-27T10:00:00Z'));
  let clocks: InMemoryTestClocks;
  let create: CreateTestClockUseCase;

  beforeEach(() => {
    clocks = new InMemoryTestClocks();
    create = new CreateTestClockUseCase(clocks as unknown as TestClocksRepository, clock);
  });

  it('creates a clock at its frozen time, advancing until the services know it, and announces it keyed by the clock', async () => {
    const uow = new RecordingUnitOfWork(clock);
    const view = await create.execute(
      CreateTestClockCommand.create({ frozenTime: '2026-01-01T00:00:00+02:00', name: ' renewals ' }),
      uow,
    );
    expect(view).toEqual({
      id: expect.any(String),
      name: 'renewals',
      frozenTime: '2025-12-31T22:00:00.000Z',
      status: 'advancing',
    });
    expect(clocks.clocks.get(view.id)).toMatchObject({ frozenTime: new Date('2025-12-31T22:00:00Z') });
    expect(uow.dataOf(TestClockCreatedV1)).toEqual([
      { clockId: view.id, name: 'renewals', frozenTime: '2025-12-31T22:00:00.000Z', createdAt: '2026-11-27T10:00:00.000Z' },
    ]);
    expect(uow.emitted[0]?.accountid).toBe(view.id);
  });

  it('refuses a frozen time that is not an instant, and an empty name, naming both fields', () => {
    const attempt = () => CreateTestClockCommand.create({ frozenTime: '2026-13-01', name: ' ' });
    expect(attempt).toThrow(InvalidCommandError);
    expect(attempt).toThrow(
      expect.objectContaining({
        fields: [expect.objectContaining({ field: 'frozenTime' }), expect.objectContaining({ field: 'name' })],
      }),
    );
  });
});
