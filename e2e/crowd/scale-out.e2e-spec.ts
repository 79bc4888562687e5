import {
  awaitInvoiceEmails,
  countPerAccount,
  CrowdUrls,
  deadLetterCounts,
  notExactlyOnce,
  prepareCrowd,
  purchaseAll,
} from '@obolus/testing';
import { Kafka, logLevel } from 'kafkajs';
import { StackHarness } from '../support/stack-harness';

/**
 * Two instances of every service at once, as an autoscaler would run them: the consumer groups share
 * each topic's partitions between the two, one relay per schema leads, and a burst ends exactly as it
 * does with one instance: one invoice, one payment and one e-mail per account.
 */
describe('two instances of every service', () => {
  const harness = new StackHarness(5900, { mailCapacity: 2000 });
  const brokers = process.env.KAFKA_BROKERS!.split(',');
  let urls: CrowdUrls;

  beforeAll(async () => {
    await harness.start();
    await harness.startReplicas();
    urls = harness.crowdUrls();
  }, 240_000);

  afterAll(async () => {
    const codes = await harness.stop();
    expect(Object.values(codes).every((code) => code === 0)).toBe(true);
  });

  it('share the partitions, and a burst of 40 purchases ends exactly once per account', async () => {
    const admin = new Kafka({ clientId: 'scale-out-check', brokers, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    try {
      const groups = [
        'obolus.subscriptions',
        'obolus.payments',
        'obolus.invoicing',
        'obolus.notifications',
        'obolus.efactura-gateway',
      ];
      const { groups: described } = await admin.describeGroups(groups);
      for (const group of described) {
        expect({ group: group.groupId, state: group.state, members: group.members.length }).toEqual({
          group: group.groupId,
          state: 'Stable',
          members: 2,
        });
      }
    } finally {
      await admin.disconnect();
    }

    const before = await deadLetterCounts(brokers);
    const accounts = await prepareCrowd(urls, 40);
    await purchaseAll(urls, accounts);
    await awaitInvoiceEmails(accounts, () => harness.mail.messages(), 300_000);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const counts = await countPerAccount(process.env.DATABASE_ADMIN_URL!, accounts, () => harness.mail.messages());
    expect(notExactlyOnce(counts)).toEqual([]);
    const after = await deadLetterCounts(brokers);
    expect(Object.entries(after).filter(([topic, n]) => n > (before[topic] ?? 0))).toEqual([]);
  }, 600_000);
});
