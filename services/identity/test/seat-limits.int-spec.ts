import { INestApplication } from '@nestjs/common';
import { CloudEvent, SubscriptionChangedV1, SubscriptionChangedV1Data } from '@obolus/contracts';
import { EventHandlerContext, UnitOfWorkRunner } from '@obolus/messaging';
import { EVENT_PRODUCER } from '@obolus/platform';
import { waitFor } from '@obolus/testing';
import { Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { SeatLimitsConsumer } from '../src/seat-limits/seat-limits.consumer';
import { SeatLimit, SeatLimitsRepository } from '../src/seat-limits/seat-limits.repository';
import { adminDb, clientOf, outboxEvent, signUpAndIn, startIdentity, TestClient, uniqueEmail } from './identity-harness';

/** Seat limits from subscription.changed (C3, A4) on real Postgres and Kafka. */
describe('identity seat limits (in process, real Postgres and Kafka)', () => {
  let app: INestApplication;
  let url: string;
  let db: Client;

  beforeAll(async () => {
    ({ app, url } = await startIdentity());
    db = await adminDb();
  });
  afterAll(async () => {
    await db?.end();
    await app?.close();
  });

  const changed = (
    accountId: string,
    edition: string,
    maxSeats: number,
    version: number,
  ): CloudEvent<SubscriptionChangedV1Data> => ({
    specversion: '1.0',
    id: randomUUID(),
    source: SubscriptionChangedV1.source,
    type: SubscriptionChangedV1.type,
    time: '2026-03-05T10:00:00.000Z',
    datacontenttype: 'application/json',
    accountid: accountId,
    data: {
      accountId,
      subscriptionId: randomUUID(),
      catalog: 'fr-crm',
      edition,
      status: version === 1 ? 'trialing' : 'active',
      seats: 1,
      maxSeats,
      change: version === 1 ? 'trial-started' : 'purchased',
      version,
      changedAt: `2026-03-0${version}T10:00:00.000Z`,
    },
  });

  /** The consumer's handler in its own unit of work, as the Kafka transport runs it. */
  const deliver = (event: CloudEvent<SubscriptionChangedV1Data>) =>
    app.get(UnitOfWorkRunner).run((uow) =>
      app.get(SeatLimitsConsumer).onSubscriptionChanged(event, {
        ...uow,
        topic: SubscriptionChangedV1.topic,
        partition: 0,
        offset: '0',
        attempt: 1,
      } as EventHandlerContext),
    );

  const storedLimit = async (accountId: string) =>
    (
      await db.query('SELECT max_seats, edition, version, updated_at FROM identity.account_seat_limits WHERE account_id = $1', [
        accountId,
      ])
    ).rows[0] as { max_seats: number; edition: string; version: number; updated_at: Date } | undefined;

  const inviteTokenOf = async (accountId: string) =>
    new URL(
      (await outboxEvent<{ acceptUrl: string }>(db, accountId, 'obolus.identity.user.invited.v1'))!.data.acceptUrl,
    ).searchParams.get('token')!;

  const invitationsOf = async (accountId: string) =>
    (await db.query('SELECT email, accepted_at FROM identity.invitations WHERE account_id = $1', [accountId])).rows as {
      email: string;
      accepted_at: Date | null;
    }[];

  it('records a newer version only: an older event delivered late, or the same one twice, changes nothing', async () => {
    const repository = app.get(SeatLimitsRepository);
    const accountId = randomUUID();
    const limit = (edition: string, maxSeats: number, version: number): SeatLimit => ({
      accountId,
      edition,
      maxSeats,
      version,
      updatedAt: new Date(`2026-03-0${version}T10:00:00.000Z`),
    });
    const record = (value: SeatLimit) => app.get(UnitOfWorkRunner).run((uow) => repository.record(uow, value));

    expect(await record(limit('solopreneur', 1, 2))).toBe(true);
    expect(await record(limit('dream-team', 1000, 1))).toBe(false);
    expect(await record(limit('sales-essentials', 1000, 2))).toBe(false);
    expect(await storedLimit(accountId)).toEqual({
      max_seats: 1,
      edition: 'solopreneur',
      version: 2,
      updated_at: new Date('2026-03-02T10:00:00.000Z'),
    });
    expect(await record(limit('dream-team', 1000, 3))).toBe(true);
    expect(await storedLimit(accountId)).toMatchObject({ max_seats: 1000, edition: 'dream-team', version: 3 });
    expect(await app.get(UnitOfWorkRunner).run((uow) => repository.lock(uow, accountId))).toEqual(limit('dream-team', 1000, 3));
  });

  it('refuses to invite a second user into a Solopreneur account with 409 SEAT_LIMIT_REACHED, and stores nothing', async () => {
    const client = clientOf(url);
    const owner = await signUpAndIn(client);
    await deliver(changed(owner.accountId, 'solopreneur', 1, 1));

    const reply = await client.post(
      `/accounts/${owner.accountId}/invitations`,
      { email: uniqueEmail('mihai'), role: 'user' },
      owner.accessToken,
    );
    expect(reply).toMatchObject({
      status: 409,
      body: {
        code: 'SEAT_LIMIT_REACHED',
        message: 'the Solopreneur edition is for at most 1 user, and the account has no seat left',
        fields: [{ field: 'email', reason: 'Solopreneur is for at most 1 user' }],
      },
    });
    expect(await invitationsOf(owner.accountId)).toEqual([]);
    expect(await outboxEvent(db, owner.accountId, 'obolus.identity.user.invited.v1')).toBeUndefined();

    // Moving to Dream Team (a newer version) opens the seats again.
    await deliver(changed(owner.accountId, 'dream-team', 1000, 2));
    expect(
      (
        await client.post(
          `/accounts/${owner.accountId}/invitations`,
          { email: uniqueEmail('ana'), role: 'user' },
          owner.accessToken,
        )
      ).status,
    ).toBe(201);
  });

  it('counts open invitations: with 2 seats, the owner and one invitation fill them', async () => {
    const client = clientOf(url);
    const owner = await signUpAndIn(client);
    await deliver(changed(owner.accountId, 'sales-essentials', 2, 1));
    const invite = (c: TestClient) =>
      c.post(`/accounts/${owner.accountId}/invitations`, { email: uniqueEmail('member'), role: 'user' }, owner.accessToken);
    expect((await invite(client)).status).toBe(201);
    expect(await invite(client)).toMatchObject({ status: 409, body: { code: 'SEAT_LIMIT_REACHED' } });
    expect(await invitationsOf(owner.accountId)).toHaveLength(1);
  });

  it('gives the last seat to one of two invitations sent at once', async () => {
    const client = clientOf(url);
    const owner = await signUpAndIn(client);
    await deliver(changed(owner.accountId, 'sales-essentials', 2, 1));
    const replies = await Promise.all(
      [1, 2].map(() =>
        client.post(
          `/accounts/${owner.accountId}/invitations`,
          { email: uniqueEmail('member'), role: 'user' },
          owner.accessToken,
        ),
      ),
    );
    expect(replies.map((reply) => reply.status).sort()).toEqual([201, 409]);
    expect(await invitationsOf(owner.accountId)).toHaveLength(1);
  });

  it('refuses to accept when the limit dropped since the invitation, and the token still works once it rises', async () => {
    const client = clientOf(url);
    const owner = await signUpAndIn(client);
    await deliver(changed(owner.accountId, 'dream-team', 1000, 1));
    const invitee = uniqueEmail('mihai');
    expect(
      (await client.post(`/accounts/${owner.accountId}/invitations`, { email: invitee, role: 'user' }, owner.accessToken)).status,
    ).toBe(201);
    const token = await inviteTokenOf(owner.accountId);
    await deliver(changed(owner.accountId, 'solopreneur', 1, 2));

    const refused = await client.post('/invitations/accept', { token, password: 'Mihai-strong-pass-9', name: 'Mihai' });
    expect(refused).toMatchObject({
      status: 409,
      body: { code: 'SEAT_LIMIT_REACHED', fields: [{ field: 'token', reason: 'Solopreneur is for at most 1 user' }] },
    });
    expect(await invitationsOf(owner.accountId)).toEqual([{ email: invitee, accepted_at: null }]);
    expect(await outboxEvent(db, owner.accountId, 'obolus.identity.user.joined.v1')).toBeUndefined();

    await deliver(changed(owner.accountId, 'dream-team', 1000, 3));
    expect((await client.post('/invitations/accept', { token, password: 'Mihai-strong-pass-9', name: 'Mihai' })).status).toBe(
      201,
    );
  });

  it('learns the limit from subscription.changed published on Kafka', async () => {
    const accountId = randomUUID();
    const event = changed(accountId, 'solopreneur', 1, 1);
    await app.get<Producer>(EVENT_PRODUCER).send({
      topic: SubscriptionChangedV1.topic,
      messages: [{ key: accountId, value: JSON.stringify(event) }],
    });
    const stored = await waitFor(() => storedLimit(accountId), { what: 'the seat limit from Kafka', timeoutMs: 60_000 });
    expect(stored).toMatchObject({ max_seats: 1, edition: 'solopreneur', version: 1 });
  });
});
