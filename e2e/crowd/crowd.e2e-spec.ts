import {
  awaitInvoiceEmails,
  countPerAccount,
  crashAndRestartLocalBroker,
  CrowdAccount,
  CrowdUrls,
  deadLetterCounts,
  notExactlyOnce,
  percentile,
  prepareCrowd,
  purchaseAll,
} from '@obolus/testing';
import { StackHarness } from '../support/stack-harness';

/**
 * A crowd and its faults, through all six services as processes on the real broker and database:
 * a burst of purchases, then bursts during which Postgres, the broker, the SMTP server and Stripe
 * each go away. Every account must end with exactly one invoice, one succeeded payment and one
 * invoice e-mail, and nothing may be dead-lettered. (bench/burst runs the large burst.)
 */
describe('a crowd and its faults', () => {
  const harness = new StackHarness(5800, { faults: true, mailCapacity: 5000 });
  const brokers = process.env.KAFKA_BROKERS!.split(',');
  let urls: CrowdUrls;

  beforeAll(async () => {
    await harness.start();
    urls = harness.crowdUrls();
  }, 180_000);

  afterAll(async () => {
    await harness.stop();
  });

  /** Buys for every account at once, runs the fault, and checks the outcome account by account. */
  async function burstThrough(accounts: CrowdAccount[], fault: () => Promise<unknown>) {
    const deadLettersBefore = await deadLetterCounts(brokers);
    await purchaseAll(urls, accounts);
    await fault();
    const latencies = await awaitInvoiceEmails(accounts, () => harness.mail.messages(), 300_000);
    // Anything sent twice would arrive within moments of the first.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const counts = await countPerAccount(process.env.DATABASE_ADMIN_URL!, accounts, () => harness.mail.messages());
    const deadLettersAfter = await deadLetterCounts(brokers);
    const added = Object.entries(deadLettersAfter).filter(([topic, n]) => n > (deadLettersBefore[topic] ?? 0));
    return { latencies: [...latencies.values()], wrong: notExactlyOnce(counts), deadLetters: added };
  }

  it('a burst of 40 purchases: one invoice, one payment and one e-mail per account, nothing dead-lettered', async () => {
    const accounts = await prepareCrowd(urls, 40);
    const outcome = await burstThrough(accounts, async () => undefined);
    process.stdout.write(
      `burst of 40: purchase to e-mail p50 ${percentile(outcome.latencies, 50)} ms, p99 ${percentile(outcome.latencies, 99)} ms\n`,
    );
    expect(outcome.wrong).toEqual([]);
    expect(outcome.deadLetters).toEqual([]);
  }, 600_000);

  const faults: [string, () => Promise<unknown>][] = [
    ['Postgres stops for 20 s', () => harness.proxies.postgres!.outage(20_000)],
    ['the broker is killed with SIGKILL and restarted', () => crashAndRestartLocalBroker()],
    ['the SMTP server is down for 30 s', () => harness.proxies.smtp!.outage(30_000)],
    ['Stripe is down for 30 s', () => harness.proxies.stripe!.outage(30_000)],
  ];

  it.each(faults)(
    '50 purchases while %s: nothing lost, nothing twice, nothing dead-lettered',
    async (_, fault) => {
      const accounts = await prepareCrowd(urls, 50);
      const outcome = await burstThrough(accounts, fault);
      expect(outcome.wrong).toEqual([]);
      expect(outcome.deadLetters).toEqual([]);
    },
    900_000,
  );
});
