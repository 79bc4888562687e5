// Benchmark (not a test): "may account X do F?" under load. Starts subscriptions alone (its dist build) on a
// database of its own, with access tokens minted here and checked against a JWKS served here (no identity
// process). ENTITLEMENTS_BENCH_ACCOUNTS fr-crm accounts get their trial through the service's own path (an
// identity.account.created event on Kafka). Then autocannon, in a process of its own (load.js), sends
// POST /accounts/:id/entitlements/check {feature: 'teams'} at fixed overall rates (1,000, 2,000, 5,000
// requests/s, 30 s each), rotating over the accounts, with each account's own token; with an integrator
// API key too when POST /staff/api-keys exists; and, as the ceiling of the HTTP stack, GET /catalog/fr-crm
// (public, from memory) and GET /health (its probes shared and reused for a second) at the same rates. Reports p50, p99, achieved rate, non-2xx and errors
// per rate, and the rate where p99 crosses 5 ms. Stops the service and drops its database.
// Run: node scripts/build.mjs && node bench/entitlements/run.js   (needs the local broker and Postgres)
// Knobs: see README.md beside this file.
const { spawn } = require('node:child_process');
const { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { randomUUID } = require('node:crypto');
const { Client } = require('pg');
const { TestTokenIssuer } = require('@obolus/auth');
const { AccountCreatedV1 } = require('@obolus/contracts');
const { provisionServiceDatabases, databaseNameOf, quoteIdent, withDatabase } = require('@obolus/database');
const { createEventProducer, createKafka, ensureTopics } = require('@obolus/messaging');
const { serviceEnvironment, spawnServiceProcess, repositoryRoot } = require('@obolus/stack');
const { serveJwks } = require('@obolus/testing');

const ACCOUNTS = Number(process.env.ENTITLEMENTS_BENCH_ACCOUNTS ?? 100);
const SECONDS = Number(process.env.ENTITLEMENTS_BENCH_SECONDS ?? 30);
const RATES = (process.env.ENTITLEMENTS_BENCH_RATES ?? '1000,2000,5000').split(',').map(Number);
const CONNECTIONS = Number(process.env.ENTITLEMENTS_BENCH_CONNECTIONS ?? 20);
const WARMUP_SECONDS = Number(process.env.ENTITLEMENTS_BENCH_WARMUP_SECONDS ?? 5);
const HEALTH_RATES = (process.env.ENTITLEMENTS_BENCH_HEALTH_RATES ?? RATES.join(',')).split(',').filter(Boolean).map(Number);
const HEALTH_SECONDS = Number(process.env.ENTITLEMENTS_BENCH_HEALTH_SECONDS ?? SECONDS);
const P99_AIM_MS = 5;
const PORT = Number(process.env.ENTITLEMENTS_BENCH_PORT ?? 5951);
const adminUrl = process.env.DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/obolus_bench_entitlements';
const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const url = `http://127.0.0.1:${PORT}`;
const say = (line) => process.stdout.write(`entitlements: ${line}\n`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Drops the bench's database (after the service is gone). */
async function dropDatabase() {
  const client = new Client({ connectionString: withDatabase(adminUrl, 'postgres') });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(databaseNameOf(adminUrl))} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/** Trials through the service's real path: identity's account.created, as identity's outbox sends it. */
async function publishAccountsCreated(accounts) {
  const kafka = createKafka({ brokers, clientId: 'obolus-bench-entitlements' });
  await ensureTopics(kafka, [AccountCreatedV1.topic]);
  const producer = createEventProducer(kafka);
  await producer.connect();
  try {
    const now = new Date().toISOString();
    const messages = accounts.map(({ accountId, userId, email }, i) => {
      const id = randomUUID();
      const envelope = {
        specversion: '1.0',
        id,
        source: AccountCreatedV1.source,
        type: AccountCreatedV1.type,
        time: now,
        datacontenttype: 'application/json',
        accountid: accountId,
        data: {
          accountId,
          ownerUserId: userId,
          ownerEmail: email,
          companyName: `Bench Entitlements ${i + 1}`,
          country: 'FR',
          catalog: 'fr-crm',
          signupChannel: 'website',
          locale: 'fr',
          createdAt: now,
        },
      };
      return {
        key: accountId,
        value: JSON.stringify(envelope),
        headers: { 'content-type': 'application/cloudevents+json; charset=UTF-8', 'ce-id': id, 'ce-type': envelope.type },
      };
    });
    await producer.send({ topic: AccountCreatedV1.topic, messages });
  } finally {
    await producer.disconnect();
  }
}

/** Waits until GET /accounts/:id/entitlements answers 200 for every account (its trial exists). */
async function awaitTrials(accounts, timeoutMs) {
  const pending = new Set(accounts);
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (pending.size > 0) {
    for (const account of [...pending]) {
      const response = await fetch(`${url}/accounts/${account.accountId}/entitlements`, {
        headers: { authorization: `Bearer ${account.token}` },
      });
      const text = await response.text();
      if (response.status === 200) pending.delete(account);
      else last = `${response.status} ${text.slice(0, 200)}`;
    }
    if (pending.size === 0) break;
    if (Date.now() > deadline)
      throw new Error(`${pending.size} accounts have no entitlements after ${timeoutMs} ms (last: ${last})`);
    await sleep(250);
  }
}

/** CPU seconds a process has used so far (Linux /proc), or undefined elsewhere. */
function cpuSecondsOf(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in clock ticks of 1/100 s
  } catch {
    return undefined;
  }
}

let loader; // the running load process, stopped on a signal
/** One autocannon run in its own process; resolves with its `load-json` line. */
async function load(workDir, name, spec, servicePid) {
  const specFile = join(workDir, `${name}.json`);
  writeFileSync(specFile, JSON.stringify({ url, connections: CONNECTIONS, ...spec }));
  const cpuBefore = cpuSecondsOf(servicePid);
  const startedAt = Date.now();
  const child = spawn(process.execPath, [join(__dirname, 'load.js'), specFile], {
    cwd: repositoryRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  loader = child;
  let out = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  child.stderr.on('data', (chunk) => (out += chunk));
  const code = await new Promise((resolve) => child.on('exit', (c, signal) => resolve(c ?? signal)));
  loader = undefined;
  const line = out.split('\n').find((l) => l.startsWith('load-json '));
  if (code !== 0 || !line) throw new Error(`load generator for ${name} exited with ${code}:\n${out.slice(-2000)}`);
  const result = JSON.parse(line.slice('load-json '.length));
  const cpuAfter = cpuSecondsOf(servicePid);
  if (cpuBefore !== undefined && cpuAfter !== undefined) {
    result.serviceCpuPercent = Math.round(((cpuAfter - cpuBefore) / ((Date.now() - startedAt) / 1000)) * 100);
  }
  return result;
}

function checkRequests(accounts, auth) {
  return accounts.map((account) => ({
    method: 'POST',
    path: `/accounts/${account.accountId}/entitlements/check`,
    headers: {
      'content-type': 'application/json',
      ...(auth === 'apiKey' ? { 'x-api-key': account.apiKey } : { authorization: `Bearer ${account.token}` }),
    },
    body: JSON.stringify({ feature: 'teams' }),
  }));
}

/** Creates an integrator API key with a staff token, if the route exists; undefined if it does not. */
async function createApiKey(issuer) {
  const staffToken = await issuer.staff({ staffId: randomUUID(), email: 'bench@obolus.eu', roles: ['admin'] }, 3600);
  const response = await fetch(`${url}/staff/api-keys`, {
    method: 'POST',
    headers: { authorization: `Bearer ${staffToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'bench-entitlements' }),
  });
  const text = await response.text();
  if (response.status === 404) return { missing: `POST /staff/api-keys answered 404` };
  if (response.status !== 200 && response.status !== 201) {
    return { missing: `POST /staff/api-keys answered ${response.status}: ${text.slice(0, 300)}` };
  }
  const { key } = JSON.parse(text);
  return { key };
}

/** One call, to show what the route answers before the load (and to fail early if it does not). */
async function probe(request) {
  const response = await fetch(`${url}${request.path}`, { method: request.method, headers: request.headers, body: request.body });
  return { status: response.status, body: await response.text() };
}

const fmt = (value, width) => String(value ?? '-').padStart(width);

function printTable(runs) {
  say('');
  say(
    `${'target'.padEnd(22)}${fmt('rate/s', 8)}${fmt('achieved', 10)}${fmt('p50 ms', 9)}${fmt('p90 ms', 9)}${fmt('p99 ms', 9)}${fmt('max ms', 9)}${fmt('non2xx', 8)}${fmt('errors', 8)}${fmt('svc cpu', 9)}`,
  );
  for (const run of runs) {
    say(
      `${run.target.padEnd(22)}${fmt(run.rate, 8)}${fmt(run.achievedPerSecond, 10)}${fmt(run.latencyMs.p50, 9)}${fmt(run.latencyMs.p90, 9)}${fmt(run.latencyMs.p99, 9)}${fmt(run.latencyMs.max, 9)}${fmt(run.non2xx, 8)}${fmt(run.errors, 8)}${fmt(run.serviceCpuPercent === undefined ? '-' : `${run.serviceCpuPercent}%`, 9)}`,
    );
  }
  say('');
}

async function main() {
  const result = {
    accounts: ACCOUNTS,
    secondsPerRate: SECONDS,
    rates: RATES,
    connections: CONNECTIONS,
    warmupSeconds: WARMUP_SECONDS,
    health: { rates: HEALTH_RATES, seconds: HEALTH_SECONDS },
    p99AimMs: P99_AIM_MS,
  };
  const workDir = mkdtempSync(join(tmpdir(), 'obolus-bench-entitlements-'));
  const issuer = await TestTokenIssuer.create();
  const jwks = await serveJwks(issuer.jwks);
  await provisionServiceDatabases({ adminUrl, services: ['subscriptions'], recreate: true });
  mkdirSync(join(repositoryRoot, '.data/logs'), { recursive: true });
  const env = serviceEnvironment('subscriptions', { databaseAdminUrl: adminUrl, kafkaBrokers: brokers }, PORT);
  Object.assign(env, { IDENTITY_JWKS_URL: jwks.url, LOG_LEVEL: process.env.ENTITLEMENTS_BENCH_LOG_LEVEL ?? 'warn' });
  if (process.env.ENTITLEMENTS_BENCH_CPU_PROF) {
    // A V8 CPU profile of the service, written to this folder when it stops (cpu-profile.js, preloaded).
    mkdirSync(process.env.ENTITLEMENTS_BENCH_CPU_PROF, { recursive: true });
    env.ENTITLEMENTS_BENCH_CPU_PROF = process.env.ENTITLEMENTS_BENCH_CPU_PROF;
    env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --require ${join(__dirname, 'cpu-profile.js')}`.trim();
    result.cpuProfileDir = process.env.ENTITLEMENTS_BENCH_CPU_PROF;
  }
  const service = spawnServiceProcess({
    service: 'subscriptions',
    env,
    logFile: join(repositoryRoot, '.data/logs/bench-entitlements-subscriptions.log'),
    healthTimeoutMs: 120_000,
  });
  let stopping;
  const stopAll = async () => {
    stopping ??= (async () => {
      if (loader) loader.kill('SIGKILL');
      await service.stop(10_000).catch(() => undefined);
      await jwks.close().catch(() => undefined);
      await dropDatabase().catch((error) => say(`could not drop the database: ${error.message}`));
      rmSync(workDir, { recursive: true, force: true });
    })();
    return stopping;
  };
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      say(`${signal}: stopping the service`);
      stopAll().finally(() => process.exit(130));
    });
  }
  try {
    await service.ready;
    say(`subscriptions up on ${url} (pid ${service.child.pid}), database ${databaseNameOf(adminUrl)}`);

    // 1. The accounts, each in its trial, each with its owner's token (valid for the whole run).
    let t0 = Date.now();
    const accounts = [];
    for (let i = 0; i < ACCOUNTS; i++) {
      const accountId = randomUUID();
      const userId = randomUUID();
      const email = `owner-${i + 1}@bench-entitlements.example.eu`;
      const token = await issuer.customer({ userId, accountId, email, role: 'owner' }, 3 * 3600);
      accounts.push({ accountId, userId, email, token });
    }
    await publishAccountsCreated(accounts);
    await awaitTrials(accounts, 180_000);
    result.trialsReadySeconds = Number(((Date.now() - t0) / 1000).toFixed(1));
    say(`${ACCOUNTS} accounts in their trial in ${result.trialsReadySeconds} s (identity.account.created on Kafka)`);

    // 2. The targets: check with the customer's token; with an API key if the route exists; the stack's ceiling.
    const targets = [{ name: 'check (token)', requests: checkRequests(accounts, 'token') }];
    const apiKey = await createApiKey(issuer);
    if (apiKey.key) {
      for (const account of accounts) account.apiKey = apiKey.key;
      const requests = checkRequests(accounts, 'apiKey');
      const answer = await probe(requests[0]);
      if (answer.status === 200) {
        targets.push({ name: 'check (API key)', requests });
        result.apiKey = 'used';
      } else {
        result.apiKey = `created, but check with X-Api-Key answered ${answer.status}: ${answer.body.slice(0, 300)}`;
      }
    } else {
      result.apiKey = `not measured: ${apiKey.missing}`;
    }
    say(`API key: ${result.apiKey}`);
    // The HTTP stack without I/O: a public route answered from memory (the fr-crm catalog, about 2 KB).
    targets.push({ name: 'GET /catalog/fr-crm', requests: [{ method: 'GET', path: '/catalog/fr-crm' }] });
    // /health: the database and broker probes run at most once a second (shared by concurrent calls), so
    // this is the HTTP stack plus a cached answer, at the same rates as the check.
    if (HEALTH_RATES.length > 0 && HEALTH_SECONDS > 0) {
      targets.push({
        name: 'GET /health',
        requests: [{ method: 'GET', path: '/health' }],
        rates: HEALTH_RATES,
        seconds: HEALTH_SECONDS,
      });
    }
    for (const target of targets) {
      const answer = await probe(target.requests[0]);
      say(`${target.name}: one call answers ${answer.status} ${answer.body.slice(0, 200)}`);
      if (answer.status !== 200) throw new Error(`${target.name} answered ${answer.status} before the load: ${answer.body}`);
    }

    // 3. The load: each target at each rate, after a short warm-up of the service at the lowest rate.
    const runs = [];
    for (const target of targets) {
      const rates = target.rates ?? RATES;
      const seconds = target.seconds ?? SECONDS;
      const warmup = target.warmup ?? WARMUP_SECONDS;
      if (warmup > 0) {
        say(`${target.name}: warm-up at ${rates[0]}/s for ${warmup} s (not counted)`);
        await load(workDir, 'warmup', { rate: rates[0], seconds: warmup, requests: target.requests }, service.child.pid);
      }
      for (const rate of rates) {
        const run = {
          target: target.name,
          ...(await load(workDir, `run-${rate}`, { rate, seconds, requests: target.requests }, service.child.pid)),
        };
        runs.push(run);
        say(
          `${run.target} at ${rate}/s for ${seconds} s: achieved ${run.achievedPerSecond}/s, p50 ${run.latencyMs.p50} ms, p99 ${run.latencyMs.p99} ms, max ${run.latencyMs.max} ms, non-2xx ${run.non2xx}, errors ${run.errors} (timeouts ${run.timeouts}), service CPU ${run.serviceCpuPercent ?? '?'}%, loader CPU ${run.loaderCpuPercent}%`,
        );
      }
    }
    result.runs = runs;

    // 4. Where p99 first goes over the aim, per target.
    result.p99CrossesAimAt = {};
    for (const target of targets) {
      const over = runs.find((r) => r.target === target.name && (r.latencyMs.p99 === null || r.latencyMs.p99 > P99_AIM_MS));
      result.p99CrossesAimAt[target.name] = over ? over.rate : null;
      say(
        over
          ? `${target.name}: p99 crosses ${P99_AIM_MS} ms at ${over.rate}/s (p99 ${over.latencyMs.p99} ms)`
          : `${target.name}: p99 stays under ${P99_AIM_MS} ms up to ${Math.max(...(target.rates ?? RATES))}/s`,
      );
    }
    const checkAt5000 = runs.find((r) => r.target === 'check (token)' && r.rate === 5000);
    if (checkAt5000) {
      result.aimMet =
        checkAt5000.latencyMs.p99 !== null &&
        checkAt5000.latencyMs.p99 < P99_AIM_MS &&
        checkAt5000.non2xx === 0 &&
        checkAt5000.errors === 0 &&
        checkAt5000.achievedPerSecond >= 0.98 * 5000;
      say(`aim (check at 5,000/s: p99 under ${P99_AIM_MS} ms, rate achieved, no errors): ${result.aimMet ? 'met' : 'not met'}`);
    }
    printTable(runs);
  } catch (error) {
    result.error = String(error && error.stack ? error.stack : error);
    process.exitCode = 1;
    say(`failed: ${result.error}`);
    if (service.child.exitCode !== null) say(`service output:\n${service.lastLines(40)}`);
  } finally {
    await stopAll();
    say('service stopped, database dropped');
    process.stdout.write(`bench-entitlements-json ${JSON.stringify(result)}\n`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
