import { PermanentEventError } from './event-handler';
import { failureKindOf, TransientEventError } from './failure-kind';

const withProps = (message: string, props: Record<string, unknown>) => Object.assign(new Error(message), props);

describe('failureKindOf', () => {
  it.each([
    [
      'Postgres refusing connections (the 18 s outage)',
      withProps('connect ECONNREFUSED 127.0.0.1:5432', { code: 'ECONNREFUSED' }),
    ],
    ['a connection reset', withProps('read ECONNRESET', { code: 'ECONNRESET' })],
    ['Postgres shutting down (57P01)', withProps('terminating connection due to administrator command', { code: '57P01' })],
    ['a serialization failure (40001)', withProps('could not serialize access', { code: '40001' })],
    ['a deadlock (40P01)', withProps('deadlock detected', { code: '40P01' })],
    ['a TypeORM error wrapping a driver error', withProps('query failed', { driverError: withProps('x', { code: '08006' }) })],
    ['a pg pool that lost its connection', new Error('Connection terminated unexpectedly')],
    ['an outside service answering 503', withProps('Service Unavailable', { statusCode: 503 })],
    ['an outside service throttling (429)', withProps('Too Many Requests', { status: 429 })],
    ['Stripe unreachable', withProps('An error occurred with our connection to Stripe', { type: 'StripeConnectionError' })],
    ['an SMTP server saying try later (421)', withProps('Service not available', { responseCode: 421 })],
    ['nodemailer unable to connect', withProps('Connection timeout', { code: 'ETIMEDOUT' })],
    ['kafkajs losing the broker', withProps('Connection error', { name: 'KafkaJSConnectionError' })],
    ['a handler saying so', new TransientEventError('invoicing is unreachable')],
    [
      'an error whose cause is transient',
      new Error('could not load the draft', { cause: withProps('x', { code: 'ECONNREFUSED' }) }),
    ],
  ])('%s is transient', (_, error) => {
    expect(failureKindOf(error)).toBe('transient');
  });

  it.each([
    ['a handler marking it permanent', new PermanentEventError('the catalog has no such edition')],
    ['a permanent error even around a transient cause', Object.assign(new PermanentEventError('x'), { code: 'ECONNREFUSED' })],
  ])('%s is permanent', (_, error) => {
    expect(failureKindOf(error)).toBe('permanent');
  });

  it.each([
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'seats')")],
    ['a unique violation (23505)', withProps('duplicate key value violates unique constraint', { code: '23505' })],
    ['a 4xx answer from an outside service', withProps('Bad Request', { statusCode: 400 })],
    ['an SMTP server refusing the recipient (550)', withProps('Mailbox unavailable', { responseCode: 550 })],
    ['a string thrown', 'boom'],
    ['undefined', undefined],
  ])('%s is of unknown kind', (_, error) => {
    expect(failureKindOf(error)).toBe('unknown');
  });

  it('does not loop on an error that is its own cause', () => {
    const error = new Error('loop') as Error & { cause?: unknown };
    error.cause = error;
    expect(failureKindOf(error)).toBe('unknown');
  });
});
