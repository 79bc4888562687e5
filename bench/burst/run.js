// Benchmark (not a test): a billing burst through the whole money path. BURST_ACCOUNTS customers are
// prepared first (sign-up, billing details, a saved card, the trial), then all their purchases are sent
// at once (or paced at BURST_RATE per second), and each is followed to its invoice e-mail. Reports paths
// per second, purchase-to-e-mail latency, and checks exactly one invoice, one payment and one e-mail per
// account. In the same run, the raw kafkajs baseline of bench/messaging, for a ratio on this machine.
// Run: node scripts/build.mjs && node bench/burst/run.js   (needs the local broker and Postgres)
// Knobs: BURST_ACCOUNTS (500), BURST_RATE (0 = all at once), BURST_PREPARE_CONCURRENCY (8).
const { execFileSync } = require('node:child_process');
const { join } = require('node:path');
const { OBOLUS_SERVICES, provisionServiceDatabases } = require('@obolus/database');
const { startMailSandbox } = require('@obolus/mail-sandbox');
const { serviceEnvironment, spawnServiceProcess, repositoryRoot } = require('@obolus/stack');
const { startStripeSandbox } = require('@obolus/stripe-sandbox');
const {
  awaitInvoiceEmails,
  countPerAccount,
  deadLetterCounts,
  notExactlyOnce,
  percentile,
  prepareCrowd,
  purchaseAll,
} = require('@obolus/testing');

const ACCOUNTS = Number(process.env.BURST_ACCOUNTS ?? 500);
const RATE = Number(process.env.BURST_RATE ?? 0);
const PREPARE_CONCURRENCY = Number(process.env.BURST_PREPARE_CONCURRENCY ?? 8);
const BASE_PORT = 5700;
const adminUrl = process.env.DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/obolus_bench';
const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const say = (line) => process.stdout.write(`burst: ${line}\n`);

function rawKafkaBaseline() {
  say('raw kafkajs baseline (bench/messaging, 10,000 events)');
  const out = execFileSync(process.execPath, [join(repositoryRoot, 'bench/messaging/run.js')], {
    env: { ...process.env, DATABASE_ADMIN_URL: adminUrl },
    encoding: 'utf8',
  });
  const line = out.split('\n').find((l) => l.startsWith('bench-messaging-json '));
  if (!line) throw new Error(`bench/messaging printed no result:\n${out}`);
  const { raw, outbox, ratio } = JSON.parse(line.slice('bench-messaging-json '.length));
  say(`raw kafkajs ${raw.perSecond} ev/s (p50 ${raw.p50Ms} ms); outbox path ${outbox.perSecond} ev/s; ratio ${ratio.toFixed(2)}`);
  return { rawPerSecond: raw.perSecond, outboxRatio: Number(ratio.toFixed(2)) };
}

async function main() {
  const baseline = rawKafkaBaseline();
  await provisionServiceDatabases({ adminUrl, services: OBOLUS_SERVICES });
  const mail = await startMailSandbox({ capacity: ACCOUNTS * 4 + 100 });
  const webhookSecret = 'whsec_burst_bench';
  const port = (service) => BASE_PORT + OBOLUS_SERVICES.indexOf(service) + 1;
  const stripe = await startStripeSandbox({
    webhookUrls: [`http://127.0.0.1:${port('payments')}/webhooks/stripe`],
    webhookSecret,
    asyncDelayMs: 0,
  });
  const stack = {
    databaseAdminUrl: adminUrl,
    kafkaBrokers: brokers,
    ports: Object.fromEntries(OBOLUS_SERVICES.map((s) => [s, port(s)])),
    extra: {
      STRIPE_SECRET_KEY: 'sk_test_obolus_bench',
      STRIPE_API_URL: stripe.url,
      STRIPE_WEBHOOK_SECRET: webhookSecret,
      SMTP_URL: `smtp://127.0.0.1:${mail.smtpPort}`,
      IDENTITY_SIGNIN_MAX_FAILURES_PER_IP: '100000',
      LOG_LEVEL: 'warn',
    },
  };
  const services = OBOLUS_SERVICES.map((service) =>
    spawnServiceProcess({
      service,
      env: serviceEnvironment(service, stack),
      logFile: join(repositoryRoot, `.data/logs/bench-burst-${service}.log`),
      healthTimeoutMs: 120_000,
    }),
  );
  try {
    await Promise.all(services.map((s) => s.ready));
    const urls = {
      identity: `http://127.0.0.1:${port('identity')}`,
      subscriptions: `http://127.0.0.1:${port('subscriptions')}`,
      payments: `http://127.0.0.1:${port('payments')}`,
      invoicing: `http://127.0.0.1:${port('invoicing')}`,
      stripe: stripe.url,
      stripeSecretKey: 'sk_test_obolus_bench',
    };
    const dlqBefore = await deadLetterCounts(brokers);
    let t0 = Date.now();
    say(`preparing ${ACCOUNTS} accounts`);
    const accounts = await prepareCrowd(urls, ACCOUNTS, PREPARE_CONCURRENCY);
    say(`prepared in ${((Date.now() - t0) / 1000).toFixed(1)} s; ${RATE ? `purchasing at ${RATE}/s` : 'all purchases at once'}`);

    t0 = Date.now();
    if (RATE > 0) {
      const sends = [];
      for (let i = 0; i < accounts.length; i++) {
        const due = t0 + (i * 1000) / RATE;
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - Date.now())));
        sends.push(purchaseAll(urls, [accounts[i]]));
      }
      await Promise.all(sends);
    } else {
      await purchaseAll(urls, accounts);
    }
    const latencies = await awaitInvoiceEmails(accounts, () => mail.messages(), 15 * 60_000);
    const elapsed = (Math.max(...accounts.map((a) => a.purchasedAt + latencies.get(a.accountId))) - t0) / 1000;
    await new Promise((resolve) => setTimeout(resolve, 3000)); // late duplicates, if any, would arrive now
    const counts = await countPerAccount(adminUrl, accounts, () => mail.messages());
    const wrong = notExactlyOnce(counts);
    const dlqAfter = await deadLetterCounts(brokers);
    const newDeadLetters = Object.entries(dlqAfter)
      .map(([topic, n]) => [topic, n - (dlqBefore[topic] ?? 0)])
      .filter(([, n]) => n > 0);
    const values = [...latencies.values()];
    const result = {
      accounts: ACCOUNTS,
      mode: RATE ? `paced ${RATE}/s` : 'burst',
      seconds: Number(elapsed.toFixed(1)),
      pathsPerSecond: Number((ACCOUNTS / elapsed).toFixed(2)),
      latencyMs: {
        p50: percentile(values, 50),
        p90: percentile(values, 90),
        p99: percentile(values, 99),
        max: Math.max(...values),
      },
      notExactlyOnce: wrong.length,
      newDeadLetters: Object.fromEntries(newDeadLetters),
      rawKafkaEventsPerSecond: baseline.rawPerSecond,
      outboxToRawRatio: baseline.outboxRatio,
    };
    console.log(JSON.stringify(result, null, 2));
    if (wrong.length > 0) {
      say(`accounts not exactly once: ${JSON.stringify(wrong.slice(0, 5))}`);
      process.exitCode = 1;
    }
    if (newDeadLetters.length > 0) process.exitCode = 1;
  } finally {
    await Promise.all(services.map((s) => s.stop(10_000)));
    await stripe.close();
    await mail.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
