// Benchmark (not a test): a billing run. BILLING_ACCOUNTS fr-crm customers live on one test clock; each
// buys Dream Team monthly and gets its first invoice e-mail. Then the clock is moved past the end of the
// first period, so every subscription falls due at once: subscriptions announces the renewals, invoicing
// drafts them and asks for payment, payments charges the saved cards, invoicing issues the invoices and
// notifications e-mails them. Reports the time until the clock is `ready`, renewals per second to an
// e-mailed invoice, advance-to-e-mail latency, and checks exactly two invoices, two succeeded payments,
// two deliveries and two invoice e-mails per account. In the same run, pgbench select-only and
// tpcb-like TPS on the same Postgres, for scale.
// Run: node scripts/build.mjs && node bench/billing-run/run.js   (needs the local broker and Postgres)
// Knobs: see README.md beside this file.
const { execFileSync } = require('node:child_process');
const { existsSync, mkdirSync, readdirSync } = require('node:fs');
const { delimiter, join } = require('node:path');
const { Client } = require('pg');
const { OBOLUS_SERVICES, provisionServiceDatabases } = require('@obolus/database');
const { startMailSandbox } = require('@obolus/mail-sandbox');
const { serviceEnvironment, spawnServiceProcess, repositoryRoot } = require('@obolus/stack');
const { startStripeSandbox } = require('@obolus/stripe-sandbox');
const {
  awaitInvoiceEmails,
  countPerAccount,
  deadLetterCounts,
  percentile,
  prepareCrowd,
  purchaseAll,
} = require('@obolus/testing');

const ACCOUNTS = Number(process.env.BILLING_ACCOUNTS ?? 2000);
const PREPARE_CONCURRENCY = Number(process.env.BILLING_PREPARE_CONCURRENCY ?? 16);
const PURCHASE_BATCH = Number(process.env.BILLING_PURCHASE_BATCH ?? 250);
const RENEWAL_TIMEOUT_MS = Number(process.env.BILLING_RENEWAL_TIMEOUT_MIN ?? 30) * 60_000;
const DAY_MS = 24 * 3600_000;
// A fixed instant, so every run bills the same dates (identity signs a test-clock account up at its clock's time).
const CLOCK_START = new Date(process.env.BILLING_CLOCK_START ?? '2027-01-01T09:00:00Z');
// B1: a monthly period is 30 days; an hour past its end, every renewal is due.
const ADVANCE_TO = new Date(process.env.BILLING_ADVANCE_TO ?? CLOCK_START.getTime() + 30 * DAY_MS + 3600_000);
const PGBENCH = process.env.BILLING_PGBENCH !== '0';
const PGBENCH_SECONDS = Number(process.env.PGBENCH_SECONDS ?? 20);
const PGBENCH_SCALE = Number(process.env.PGBENCH_SCALE ?? 10);
const PGBENCH_DATABASE = 'obolus_pgbench';
const BASE_PORT = 5800; // bench/burst uses 5700
const adminUrl = process.env.DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/obolus_bench_billing';
const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const say = (line) => process.stdout.write(`billing-run: ${line}\n`);
const seconds = (ms) => Number((ms / 1000).toFixed(1));
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const isInvoiceMail = (mail) => /^(Facture|Factura|Invoice) /.test(mail.subject);

/** pgbench on PATH, or the newest under /usr/lib/postgresql/<version>/bin (Debian keeps it there). */
function findPgbench() {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, 'pgbench'))) return join(dir, 'pgbench');
  }
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin/pgbench')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(root, versions[0], 'bin/pgbench') : undefined;
}

async function adminQuery(sql) {
  const url = new URL(adminUrl);
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** pgbench -S and tpcb-like on a scratch database of the same server, dropped afterwards. */
async function pgbenchBaseline() {
  if (!PGBENCH) {
    say('pgbench skipped (BILLING_PGBENCH=0)');
    return { skipped: 'BILLING_PGBENCH=0' };
  }
  const pgbench = findPgbench();
  if (!pgbench) {
    say('pgbench not found on PATH nor under /usr/lib/postgresql/*/bin: pgbench figures skipped');
    return { skipped: 'pgbench not found' };
  }
  const url = new URL(adminUrl);
  const env = {
    ...process.env,
    PGHOST: url.hostname,
    PGPORT: url.port || '5432',
    PGUSER: decodeURIComponent(url.username || 'postgres'),
  };
  if (url.password) env.PGPASSWORD = decodeURIComponent(url.password);
  const run = (args) => execFileSync(pgbench, args, { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const tpsOf = (out) => {
    const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(out) ?? /tps = ([\d.]+)/.exec(out);
    const latency = /latency average = ([\d.]+) ms/.exec(out);
    return { tps: tps ? Math.round(Number(tps[1])) : NaN, latencyMs: latency ? Number(latency[1]) : NaN };
  };
  await adminQuery(`DROP DATABASE IF EXISTS ${PGBENCH_DATABASE} WITH (FORCE)`);
  await adminQuery(`CREATE DATABASE ${PGBENCH_DATABASE}`);
  try {
    say(`pgbench (${pgbench}): -i -s ${PGBENCH_SCALE}, then -S and tpcb-like, -T ${PGBENCH_SECONDS} -c 4 -j 2`);
    run(['-i', '-q', '-s', String(PGBENCH_SCALE), PGBENCH_DATABASE]);
    const common = ['-T', String(PGBENCH_SECONDS), '-c', '4', '-j', '2', '-n', PGBENCH_DATABASE];
    const selectOnly = tpsOf(run(['-S', ...common]));
    const tpcbLike = tpsOf(run(common));
    say(
      `pgbench select-only ${selectOnly.tps} TPS (${selectOnly.latencyMs} ms avg); tpcb-like ${tpcbLike.tps} TPS (${tpcbLike.latencyMs} ms avg)`,
    );
    return { path: pgbench, scale: PGBENCH_SCALE, seconds: PGBENCH_SECONDS, clients: 4, threads: 2, selectOnly, tpcbLike };
  } finally {
    await adminQuery(`DROP DATABASE IF EXISTS ${PGBENCH_DATABASE} WITH (FORCE)`);
  }
}

async function call(method, url, body, expected = [200, 201, 202]) {
  const response = await fetch(url, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!expected.includes(response.status)) throw new Error(`${method} ${url} answered ${response.status}: ${text.slice(0, 500)}`);
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

/** Resolves with the ms from `since` until GET /test-clocks/:id says ready. */
async function clockReady(subscriptionsUrl, clockId, since, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { body } = await call('GET', `${subscriptionsUrl}/test-clocks/${clockId}`);
    if (body.status === 'ready') return Date.now() - since;
    if (Date.now() > deadline) throw new Error(`test clock ${clockId} not ready after ${timeoutMs} ms (${body.status})`);
    await sleep(100);
  }
}

/** Each account's invoice e-mails not in `seen`: their arrival (ms since the epoch), by account. */
function newInvoiceMails(accounts, messages, seen) {
  const byOwner = new Map(accounts.map((account) => [account.owner, account.accountId]));
  const arrivals = new Map();
  for (const mail of messages) {
    if (!isInvoiceMail(mail) || seen.has(mail.id)) continue;
    const accountId = mail.envelope.to.map((to) => byOwner.get(to)).find(Boolean);
    if (accountId && !arrivals.has(accountId)) arrivals.set(accountId, Date.parse(mail.receivedAt));
  }
  return arrivals;
}

async function main() {
  const result = { accounts: ACCOUNTS, clockStart: CLOCK_START.toISOString(), advanceTo: ADVANCE_TO.toISOString() };
  result.pgbench = await pgbenchBaseline();
  await provisionServiceDatabases({ adminUrl, services: OBOLUS_SERVICES, recreate: true });
  const mail = await startMailSandbox({ capacity: ACCOUNTS * 8 + 100 });
  const webhookSecret = 'whsec_billing_run_bench';
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
      // Preparing 2,000 accounts takes longer than the 15 minutes an access token lives by default, and
      // the first accounts' tokens must still be good when every account buys.
      IDENTITY_ACCESS_TOKEN_TTL_SECONDS: '7200',
      LOG_LEVEL: 'warn',
    },
  };
  mkdirSync(join(repositoryRoot, '.data/logs'), { recursive: true });
  const services = OBOLUS_SERVICES.map((service) =>
    spawnServiceProcess({
      service,
      env: serviceEnvironment(service, stack),
      logFile: join(repositoryRoot, `.data/logs/bench-billing-run-${service}.log`),
      healthTimeoutMs: 120_000,
    }),
  );
  // Interrupted (Ctrl-C, a timeout's kill): the services go too, rather than stay on their ports.
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      say(`${signal}: stopping the services`);
      Promise.allSettled(services.map((s) => s.stop(10_000))).finally(() => process.exit(130));
    });
  }
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

    // 1. The clock, and every service following it.
    let t0 = Date.now();
    const clock = (
      await call('POST', `${urls.subscriptions}/test-clocks`, {
        frozenTime: CLOCK_START.toISOString(),
        name: `billing run of ${ACCOUNTS}`,
      })
    ).body;
    result.clockCreatedReadyMs = await clockReady(urls.subscriptions, clock.id, t0, 120_000);
    say(`test clock ${clock.id} at ${clock.frozenTime}: ready in ${result.clockCreatedReadyMs} ms`);

    // 2. The customers on it, each with its first period bought and invoiced.
    t0 = Date.now();
    say(`preparing ${ACCOUNTS} accounts on the clock (concurrency ${PREPARE_CONCURRENCY})`);
    const accounts = await prepareCrowd(urls, ACCOUNTS, PREPARE_CONCURRENCY, { testClockId: clock.id });
    result.prepareSeconds = seconds(Date.now() - t0);
    say(`prepared in ${result.prepareSeconds} s; purchasing monthly in batches of ${PURCHASE_BATCH}`);
    t0 = Date.now();
    for (let i = 0; i < accounts.length; i += PURCHASE_BATCH) await purchaseAll(urls, accounts.slice(i, i + PURCHASE_BATCH));
    const first = await awaitInvoiceEmails(accounts, () => mail.messages(), 15 * 60_000);
    result.firstInvoicesSeconds = seconds(Math.max(...accounts.map((a) => a.purchasedAt + first.get(a.accountId))) - t0);
    await sleep(3000); // late duplicates of the first invoices, if any, would arrive now
    const before = mail.messages().filter(isInvoiceMail);
    const seen = new Set(before.map((m) => m.id));
    result.invoiceEmailsBeforeAdvance = before.length;
    say(
      `first invoices e-mailed to all ${ACCOUNTS} in ${result.firstInvoicesSeconds} s (${before.length} invoice e-mails so far)`,
    );

    // 3. Every period ends: advance the clock and follow each renewal to its e-mail.
    const advancedAt = Date.now();
    const advanced = await call('POST', `${urls.subscriptions}/test-clocks/${clock.id}/advance`, {
      frozenTime: ADVANCE_TO.toISOString(),
    });
    if (advanced.status !== 202) throw new Error(`advance answered ${advanced.status}`);
    say(`advanced the clock to ${ADVANCE_TO.toISOString()} (${advanced.status}); waiting for ${ACCOUNTS} renewal e-mails`);
    const ready = clockReady(urls.subscriptions, clock.id, advancedAt, RENEWAL_TIMEOUT_MS).then(
      (ms) => {
        result.advanceReadyMs = ms;
        say(`clock ready ${ms} ms after the advance`);
      },
      (error) => {
        result.advanceReadyError = error.message;
      },
    );
    let arrivals = new Map();
    const deadline = advancedAt + RENEWAL_TIMEOUT_MS;
    let reported = 0;
    while (arrivals.size < ACCOUNTS && Date.now() < deadline) {
      await sleep(250);
      arrivals = newInvoiceMails(accounts, mail.messages(), seen);
      if (Date.now() - advancedAt >= (reported + 1) * 60_000) {
        reported++;
        say(`${arrivals.size} of ${ACCOUNTS} renewal e-mails after ${reported} min`);
      }
    }
    await ready;
    result.renewalEmails = arrivals.size;
    if (arrivals.size < ACCOUNTS) {
      result.renewalTimedOut = true;
      say(`${ACCOUNTS - arrivals.size} of ${ACCOUNTS} renewal e-mails missing after ${RENEWAL_TIMEOUT_MS / 60_000} min`);
      process.exitCode = 1;
    }
    if (arrivals.size > 0) {
      const latencies = [...arrivals.values()].map((at) => at - advancedAt);
      const lastMs = Math.max(...latencies);
      result.renewalSeconds = seconds(lastMs);
      result.renewalsPerSecond = Number((arrivals.size / (lastMs / 1000)).toFixed(2));
      result.renewalLatencyMs = {
        p50: percentile(latencies, 50),
        p90: percentile(latencies, 90),
        p99: percentile(latencies, 99),
        max: lastMs,
      };
    }
    await sleep(5000); // late duplicates, if any, would arrive now
    const counts = await countPerAccount(adminUrl, accounts, () => mail.messages());
    const wrong = [...counts].filter(
      ([, c]) => c.invoices !== 2 || c.succeededPayments !== 2 || c.invoiceDeliveries !== 2 || c.invoiceEmails !== 2,
    );
    result.notExactlyTwice = wrong.length;
    result.invoiceEmailsTotal = mail.messages().filter(isInvoiceMail).length;
    const dlqAfter = await deadLetterCounts(brokers);
    result.newDeadLetters = Object.fromEntries(
      Object.entries(dlqAfter)
        .map(([topic, n]) => [topic, n - (dlqBefore[topic] ?? 0)])
        .filter(([, n]) => n > 0),
    );

    say(`clock ready after advance: ${result.advanceReadyMs ?? `not (${result.advanceReadyError})`} ms`);
    if (result.renewalsPerSecond !== undefined) {
      const l = result.renewalLatencyMs;
      say(
        `${result.renewalEmails} renewals e-mailed in ${result.renewalSeconds} s: ${result.renewalsPerSecond} renewals/s; advance-to-e-mail p50 ${l.p50} ms, p90 ${l.p90} ms, p99 ${l.p99} ms, max ${l.max} ms`,
      );
    }
    say(`accounts without exactly 2 invoices, payments, deliveries and e-mails: ${wrong.length} of ${ACCOUNTS}`);
    if (wrong.length > 0) {
      say(`for example: ${JSON.stringify(wrong.slice(0, 5))}`);
      process.exitCode = 1;
    }
    say(`new dead letters: ${JSON.stringify(result.newDeadLetters)}`);
    if (Object.keys(result.newDeadLetters).length > 0) process.exitCode = 1;
    if (result.pgbench.selectOnly) {
      say(
        `for scale, same Postgres: pgbench -S ${result.pgbench.selectOnly.tps} TPS, tpcb-like ${result.pgbench.tpcbLike.tps} TPS`,
      );
    }
  } finally {
    console.log(`bench-billing-run-json ${JSON.stringify(result)}`);
    await Promise.all(services.map((s) => s.stop(10_000)));
    await stripe.close();
    await mail.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
