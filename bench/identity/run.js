// Benchmark (not a test): sign-ins per second against an identity process at the configured argon2id
// cost, and access-token verifications per second in another process with JwtAccessTokenVerifier.
// Run: node scripts/build.mjs && node bench/identity/run.js   (needs the local broker and Postgres)
// Knobs: BENCH_SECONDS (10), BENCH_CONCURRENCY (4), BENCH_USERS (16), IDENTITY_ARGON2_* as the service reads them.
const { fork } = require('node:child_process');
const os = require('node:os');
const { OBOLUS_SERVICES, provisionServiceDatabases } = require('@obolus/database');
const { serviceEnvironment, startServiceProcess } = require('@obolus/stack');

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const USERS = Number(process.env.BENCH_USERS ?? 16);
const PORT = 5202;
const adminUrl = process.env.DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/obolus_bench';
const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const PASSWORD = 'Bench-password-2026';

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function post(url, body) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = await response.json();
  if (!response.ok) throw new Error(`${url}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

/** CONCURRENCY clients signing in in a loop for SECONDS. */
async function signIns(baseUrl, emails) {
  const latencies = [];
  const deadline = Date.now() + SECONDS * 1000;
  const startedAt = Date.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async (_, worker) => {
      for (let i = worker; Date.now() < deadline; i += CONCURRENCY) {
        const t0 = performance.now();
        await post(`${baseUrl}/auth/sign-in`, { email: emails[i % emails.length], password: PASSWORD });
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (Date.now() - startedAt) / 1000;
  const sorted = latencies.sort((a, b) => a - b);
  return {
    count: latencies.length,
    perSecond: latencies.length / seconds,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
  };
}

/** Verification in a separate process, as another service would do it: keys fetched once from the JWKS, then offline. */
function verificationsElsewhere(jwksUrl, tokens) {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, ['--verify'], { env: { ...process.env, BENCH_JWKS_URL: jwksUrl } });
    child.on('message', (result) => resolve(result));
    child.on('error', reject);
    child.on('exit', (code) => code && reject(new Error(`verifier exited ${code}`)));
    child.send({ tokens, seconds: SECONDS });
  });
}

async function verifierProcess() {
  const { JwtAccessTokenVerifier } = require('@obolus/auth');
  process.once('message', async ({ tokens, seconds }) => {
    const verifier = new JwtAccessTokenVerifier({ jwksUrl: process.env.BENCH_JWKS_URL });
    await verifier.verify(tokens[0]); // the one fetch of the key set
    let count = 0;
    const startedAt = performance.now();
    const deadline = startedAt + seconds * 1000;
    while (performance.now() < deadline) {
      for (let i = 0; i < 200; i += 1) await verifier.verify(tokens[(count + i) % tokens.length]);
      count += 200;
    }
    process.send({ count, perSecond: count / ((performance.now() - startedAt) / 1000) }, () => process.exit(0));
  });
}

async function main() {
  await provisionServiceDatabases({ adminUrl, services: OBOLUS_SERVICES, recreate: true });
  const env = {
    ...serviceEnvironment('identity', { databaseAdminUrl: adminUrl, kafkaBrokers: brokers }, PORT),
    LOG_LEVEL: 'warn',
    // The bench signs in from one address, many times: the throttle only counts failures, but keep it out of the way.
    IDENTITY_SIGNIN_MAX_FAILURES_PER_IP: '1000000',
  };
  const identity = await startServiceProcess({ service: 'identity', env });
  try {
    const cost = {
      memoryKiB: Number(process.env.IDENTITY_ARGON2_MEMORY_KIB ?? 32768),
      timeCost: Number(process.env.IDENTITY_ARGON2_TIME_COST ?? 2),
      parallelism: Number(process.env.IDENTITY_ARGON2_PARALLELISM ?? 1),
    };
    const emails = [];
    for (let i = 0; i < USERS; i += 1) {
      const email = `bench-${i}-${Date.now().toString(36)}@bench.obolus.example`;
      await post(`${identity.url}/accounts`, {
        companyName: `Bench ${i}`,
        email,
        password: PASSWORD,
        country: 'FR',
        catalog: 'fr-crm',
        signupChannel: 'bench',
      });
      emails.push(email);
    }
    const signIn = await signIns(identity.url, emails);
    const tokens = await Promise.all(
      emails.map(async (email) => (await post(`${identity.url}/auth/sign-in`, { email, password: PASSWORD })).accessToken),
    );
    const verify = await verificationsElsewhere(`${identity.url}/.well-known/jwks.json`, tokens);

    console.log(`\nidentity bench on ${os.cpus().length} x ${os.cpus()[0].model}, Node ${process.version}`);
    console.log(
      `argon2id m=${cost.memoryKiB} KiB, t=${cost.timeCost}, p=${cost.parallelism}; ${CONCURRENCY} concurrent clients, ${SECONDS} s per phase\n`,
    );
    console.log('| measure | count | per second | p50 ms | p99 ms |');
    console.log('|---|---:|---:|---:|---:|');
    console.log(
      `| sign-in over HTTP (argon2id verify, session, audit, tokens) | ${signIn.count} | ${signIn.perSecond.toFixed(1)} | ${signIn.p50.toFixed(1)} | ${signIn.p99.toFixed(1)} |`,
    );
    console.log(
      `| access-token verification (EdDSA, another process) | ${verify.count} | ${Math.round(verify.perSecond)} | - | - |`,
    );
  } finally {
    await identity.stop();
  }
}

if (process.argv.includes('--verify')) void verifierProcess();
else
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
