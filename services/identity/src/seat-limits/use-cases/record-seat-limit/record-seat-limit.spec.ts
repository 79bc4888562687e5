import { assertEventData, SubscriptionChangedV1, SubscriptionChangedV1Data } from '@obolus/contracts';
import { InvalidCommandError } from '@obolus/platform';
import { RecordingUnitOfWork } from '@obolus/testing';
import { SeatLimitsRepository } from '../../seat-limits.repository';
import { InMemorySeatLimits } from '../../test-support/in-memory-seat-limits';
import { RecordSeatLimitCommand } from './record-seat-limit.command';
import { RecordSeatLimitUseCase } from './record-seat-limit.use-case';

const ACCOUNT_ID = '0b5e9c1e-3c1d-4a4e-8f3a-1b2c3d4e5f60';

/** A subscription.changed as subscriptions publishes it, checked against its contract. */
const changed = (overrides: Partial<SubscriptionChangedV1Data> = {}): SubscriptionChangedV1Data => {
  const data: SubscriptionChangedV1Data = {
    accountId: ACCOUNT_ID,
    subscriptionId: '4f1e2d3c-5b6a-4798-8a7b-6c5d4e3f2a10',
    catalog: 'fr-crm',
    edition: 'dream-team',
    status: 'trialing',
    seats: 1,
    maxSeats: 1000,
    change: 'trial-started',
    version: 1,
    changedAt: '2026-03-01T09:00:00.000Z',
    ...overrides,
  };
  assertEventData(SubscriptionChangedV1, data);
  return data;
};

describe('RecordSeatLimitUseCase', () => {
  let seatLimits: InMemorySeatLimits;
  let recordSeatLimit: RecordSeatLimitUseCase;

  const record = (data: SubscriptionChangedV1Data) =>
    recordSeatLimit.execute(RecordSeatLimitCommand.create(data), new RecordingUnitOfWork());

  beforeEach(() => {
    seatLimits = new InMemorySeatLimits();
    recordSeatLimit = new RecordSeatLimitUseCase(seatLimits as unknown as SeatLimitsRepository);
  });

  it("keeps the edition's limit from the trial start, and emits nothing", async () => {
    const uow = new RecordingUnitOfWork();
    await recordSeatLimit.execute(RecordSeatLimitCommand.create(changed()), uow);
    expect(seatLimits.rows.get(ACCOUNT_ID)).toEqual({
      accountId: ACCOUNT_ID,
      maxSeats: 1000,
      edition: 'dream-team',
      version: 1,
      updatedAt: new Date('2026-03-01T09:00:00.000Z'),
    });
    expect(uow.emitted).toHaveLength(0);
  });

  it('follows a newer version: a purchase of Solopreneur leaves one seat', async () => {
    await record(changed());
    await record(
      changed({
        edition: 'solopreneur',
        status: 'active',
        maxSeats: 1,
        change: 'purchased',
        version: 2,
        changedAt: '2026-03-05T10:00:00.000Z',
      }),
    );
    expect(seatLimits.rows.get(ACCOUNT_ID)).toMatchObject({ edition: 'solopreneur', maxSeats: 1, version: 2 });
  });

  it('changes nothing for an older version delivered late, nor for the same version delivered twice', async () => {
    await record(changed({ edition: 'solopreneur', maxSeats: 1, version: 3, changedAt: '2026-03-05T10:00:00.000Z' }));
    await record(changed({ edition: 'dream-team', maxSeats: 1000, version: 2 }));
    await record(changed({ edition: 'sales-essentials', maxSeats: 1000, version: 3 }));
    expect(seatLimits.rows.get(ACCOUNT_ID)).toEqual({
      accountId: ACCOUNT_ID,
      maxSeats: 1,
      edition: 'solopreneur',
      version: 3,
      updatedAt: new Date('2026-03-05T10:00:00.000Z'),
    });
  });

  it('keeps only what identity needs of the whole subscription', () => {
    expect({ ...RecordSeatLimitCommand.create(changed({ term: 'monthly', pendingEdition: 'solopreneur' })) }).toEqual({
      accountId: ACCOUNT_ID,
      edition: 'dream-team',
      maxSeats: 1000,
      version: 1,
      changedAt: '2026-03-01T09:00:00.000Z',
    });
  });

  it('refuses an event without a usable limit or version, naming the fields (it dead-letters)', () => {
    const create = () => RecordSeatLimitCommand.create({ ...changed(), maxSeats: 0, version: 0, accountId: 'nope' });
    expect(create).toThrow(InvalidCommandError);
    expect(create).toThrow(
      expect.objectContaining({
        fields: [
          { field: 'accountId', reason: 'must be a UUID' },
          { field: 'maxSeats', reason: 'must be an integer from 1 to 1000' },
          { field: 'version', reason: 'must be an integer from 1 to 2147483647' },
        ],
      }),
    );
  });
});
