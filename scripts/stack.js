// The whole local stack in one foreground process: Kafka, Postgres, the sandboxes, the six services and the
// portal's web edge (services/web, started last since it forwards to the services).
// It supervises what it starts: when any process fails to start or dies, it prints that process's last
// lines and stops everything else, Kafka included if it started it, and exits non-zero. Ctrl-C (or
// SIGTERM) stops everything within SHUTDOWN_DEADLINE_MS, killing what does not stop in time.
const { execFileSync, spawn } = require('node:child_process');
const { mkdirSync } = require('node:fs');
const { join } = require('node:path');
const { OBOLUS_SERVICES, provisionServiceDatabases } = require('@obolus/database');
const {
  ensurePostgres,
  serviceEnvironment,
  spawnNodeProcess,
  spawnServiceProcess,
  repositoryRoot,
  webEnvironment,
  WEB_PORT,
  LOCAL_STAFF_EMAIL,
  LOCAL_STAFF_PASSWORD,
} = require('@obolus/stack');

const adminUrl = process.env.DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/obolus';
const kafkaPort = process.env.KAFKA_PORT ?? '9092';
const brokers = (process.env.KAFKA_BROKERS ?? `127.0.0.1:${kafkaPort}`).split(',');
const logDir = join(repositoryRoot, '.data/logs');
const say = (line) => process.stdout.write(`obolus: ${line}\n`);

const ports = {
  stripe: Number(process.env.STRIPE_SANDBOX_PORT ?? 4601),
  vies: Number(process.env.VIES_SANDBOX_PORT ?? 4602),
  smtp: Number(process.env.MAIL_SANDBOX_SMTP_PORT ?? 1025),
  mailViewer: Number(process.env.MAIL_SANDBOX_HTTP_PORT ?? 8025),
  anaf: Number(process.env.ANAF_SANDBOX_PORT ?? 4603),
  paypal: Number(process.env.PAYPAL_SANDBOX_PORT ?? 4604),
};
const stripeWebhookSecret = process.env.STRIPE_WEBHOOK_SECRET ?? 'whsec_obolus_sandbox';
// The PayPal sandbox registers these credentials and signs webhooks for this webhook id.
const paypal = {
  clientId: process.env.PAYPAL_CLIENT_ID ?? 'obolus-sandbox-client',
  clientSecret: process.env.PAYPAL_CLIENT_SECRET ?? 'obolus-sandbox-secret',
  webhookId: process.env.PAYPAL_WEBHOOK_ID ?? '8OB0LUS5ANDB0XWH1',
};

// Local stand-ins that speak the external APIs; each is probed over HTTP until it answers.
const sandboxes = [
  {
    name: 'stripe-sandbox',
    entry: 'sandboxes/stripe/dist/main.js',
    probe: `http://127.0.0.1:${ports.stripe}/`,
    env: {
      STRIPE_SANDBOX_PORT: String(ports.stripe),
      STRIPE_SANDBOX_WEBHOOK_URLS: `http://127.0.0.1:4003/webhooks/stripe`,
      STRIPE_SANDBOX_WEBHOOK_SECRET: stripeWebhookSecret,
      STRIPE_SANDBOX_ASYNC_DELAY_MS: '500',
    },
    shows: `http://127.0.0.1:${ports.stripe}`,
  },
  {
    name: 'vies-sandbox',
    entry: 'libs/vat/dist/vies/sandbox/main.js',
    probe: `http://127.0.0.1:${ports.vies}/`,
    env: { VIES_SANDBOX_PORT: String(ports.vies) },
    shows: `http://127.0.0.1:${ports.vies}`,
  },
  {
    name: 'mail-sandbox',
    entry: 'sandboxes/mail/dist/main.js',
    probe: `http://127.0.0.1:${ports.mailViewer}/`,
    env: { MAIL_SANDBOX_SMTP_PORT: String(ports.smtp), MAIL_SANDBOX_HTTP_PORT: String(ports.mailViewer) },
    shows: `smtp://127.0.0.1:${ports.smtp}, mail viewer http://127.0.0.1:${ports.mailViewer}`,
  },
  {
    name: 'anaf-sandbox',
    entry: 'sandboxes/anaf/dist/main.js',
    probe: `http://127.0.0.1:${ports.anaf}/_sandbox/health`,
    env: { ANAF_SANDBOX_PORT: String(ports.anaf), ANAF_SANDBOX_PROCESSING_DELAY_MS: '2000' },
    shows: `http://127.0.0.1:${ports.anaf} (OAuth at /anaf-oauth2/v1, e-Factura at /test/FCTEL/rest)`,
  },
  {
    name: 'paypal-sandbox',
    entry: 'sandboxes/paypal/dist/main.js',
    probe: `http://127.0.0.1:${ports.paypal}/_sandbox/health`,
    env: {
      PAYPAL_SANDBOX_PORT: String(ports.paypal),
      PAYPAL_SANDBOX_CLIENT_ID: paypal.clientId,
      PAYPAL_SANDBOX_CLIENT_SECRET: paypal.clientSecret,
      PAYPAL_SANDBOX_WEBHOOK_ID: paypal.webhookId,
      PAYPAL_SANDBOX_WEBHOOK_URLS: `http://127.0.0.1:4003/webhooks/paypal`,
    },
    shows: `http://127.0.0.1:${ports.paypal} (approval pages at /checkoutnow)`,
  },
];

/** What the services are told about the sandboxes. */
const sandboxEnvironment = {
  STRIPE_SECRET_KEY: process.env.STRIPE_SECRET_KEY ?? 'sk_test_obolus_local',
  STRIPE_API_URL: process.env.STRIPE_API_URL ?? `http://127.0.0.1:${ports.stripe}`,
  STRIPE_WEBHOOK_SECRET: stripeWebhookSecret,
  VIES_URL: `http://127.0.0.1:${ports.vies}`,
  SMTP_URL: process.env.SMTP_URL ?? `smtp://127.0.0.1:${ports.smtp}`,
  PAYPAL_API_URL: process.env.PAYPAL_API_URL ?? `http://127.0.0.1:${ports.paypal}`,
  PAYPAL_CLIENT_ID: paypal.clientId,
  PAYPAL_CLIENT_SECRET: paypal.clientSecret,
  PAYPAL_WEBHOOK_ID: paypal.webhookId,
  // The gateway's callback (127.0.0.1:4005/efactura/oauth/callback) is the sandbox's default client's.
  ANAF_OAUTH_URL: `http://127.0.0.1:${ports.anaf}/anaf-oauth2/v1`,
  ANAF_API_URL: `http://127.0.0.1:${ports.anaf}/test/FCTEL/rest`,
};

const SHUTDOWN_DEADLINE_MS = 15_000;
const kafkaScript = join(repositoryRoot, 'deploy/kafka/kafka.sh');
const started = { kafka: false, postgres: undefined, processes: [] };
let stopping = false;

function kafkaAnswers() {
  try {
    execFileSync('bash', [kafkaScript, 'status'], { stdio: 'ignore', env: { ...process.env, KAFKA_PORT: kafkaPort } });
    return true;
  } catch {
    return false;
  }
}

/** Runs kafka.sh without blocking the event loop, so Ctrl-C is handled while the broker starts. */
function runKafkaScript(command, extraEnv = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', [kafkaScript, command], {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, KAFKA_PORT: kafkaPort, ...extraEnv },
    });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`kafka.sh ${command} exited with ${code}`))));
  });
}

/** Keeps a process in the list of what to stop from the moment it is spawned, and watches it die. */
function supervise(name, running) {
  started.processes.push({ name, running });
  void running.exited.then(({ code, signal }) => {
    if (stopping) return;
    say(`${name} exited (code ${code}, signal ${signal}); its last lines (all in .data/logs/${name}.log):`);
    process.stderr.write(`${running.lastLines(20)}\n`);
    void shutdown(`${name} exited`, 1);
  });
  return running;
}

async function main() {
  const began = Date.now();
  mkdirSync(logDir, { recursive: true });
  if (!kafkaAnswers()) {
    say(`starting Kafka on 127.0.0.1:${kafkaPort}`);
    started.kafka = true; // kafka.sh stop stops only a broker it started, so this is safe even if start fails
    await runKafkaScript('start');
  } else {
    say(`using the Kafka broker already on ${brokers.join(',')}`);
  }
  started.postgres = await ensurePostgres(adminUrl, say);
  say('preparing the database: one schema and one role per service');
  await provisionServiceDatabases({ adminUrl, services: OBOLUS_SERVICES });

  for (const sandbox of sandboxes) {
    const running = supervise(
      sandbox.name,
      spawnNodeProcess({
        name: sandbox.name,
        args: [join(repositoryRoot, sandbox.entry)],
        env: sandbox.env,
        logFile: join(logDir, `${sandbox.name}.log`),
        probe: { url: sandbox.probe, accept: 'any' },
        timeoutMs: 30_000,
      }),
    );
    await running.ready;
  }

  const stack = {
    databaseAdminUrl: adminUrl,
    kafkaBrokers: brokers,
    otlpEndpoint: process.env.OTEL_EXPORTER_OTLP_ENDPOINT,
    extra: sandboxEnvironment,
  };
  say(`starting ${OBOLUS_SERVICES.length} services (logs in .data/logs/)`);
  const services = OBOLUS_SERVICES.map((service) =>
    supervise(
      service,
      spawnServiceProcess({
        service,
        env: serviceEnvironment(service, stack),
        logFile: join(logDir, `${service}.log`),
        healthTimeoutMs: 120_000,
      }),
    ),
  );
  await Promise.all(services.map((running) => running.ready));
  if (stopping) return;

  const webPort = Number(process.env.WEB_PORT ?? WEB_PORT);
  say('starting the portal (logs in .data/logs/web.log)');
  const web = supervise(
    'web',
    spawnServiceProcess({
      service: 'web',
      env: webEnvironment(stack, {
        port: webPort,
        stripeApiUrl: sandboxEnvironment.STRIPE_API_URL,
        stripePublishableKey: process.env.WEB_STRIPE_PUBLISHABLE_KEY ?? 'pk_test_obolus_local',
        paypalUrl: sandboxEnvironment.PAYPAL_API_URL,
      }),
      logFile: join(logDir, 'web.log'),
      healthTimeoutMs: 60_000,
    }),
  );
  await web.ready;
  if (stopping) return;

  const seconds = ((Date.now() - began) / 1000).toFixed(1);
  say(`stack ready in ${seconds} s`);
  const rows = [
    ['portal', web.url],
    ['staff sign-in', `${web.url}/staff/sign-in  (${LOCAL_STAFF_EMAIL} / ${LOCAL_STAFF_PASSWORD})`],
    ...services.map((s) => [s.service, `${s.url}  (health: ${s.url}/health)`]),
    ...sandboxes.map((sandbox) => [sandbox.name, sandbox.shows]),
    ['kafka', brokers.join(',')],
    ['postgres', adminUrl.replace(/:[^:@/]*@/, ':***@')],
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  for (const [name, url] of rows) process.stdout.write(`  ${name.padEnd(width)}  ${url}\n`);
  say('press Ctrl-C to stop');
}

/** Stops everything this process started, services first, and exits; a hard deadline bounds it. */
async function shutdown(reason, exitCode) {
  if (stopping) return;
  stopping = true;
  say(`${reason}: stopping`);
  const hardStop = setTimeout(() => {
    say(`not stopped within ${SHUTDOWN_DEADLINE_MS / 1000} s; killing what is left`);
    for (const { running } of started.processes) running.child.kill('SIGKILL');
    if (started.kafka)
      spawn('bash', [kafkaScript, 'stop'], { stdio: 'ignore', env: { ...process.env, KAFKA_STOP_SECONDS: '0' } });
    process.exit(exitCode || 1);
  }, SHUTDOWN_DEADLINE_MS);
  const isService = ({ name }) => OBOLUS_SERVICES.includes(name) || name === 'web';
  // A service whose broker is gone can hang in its Kafka disconnect: 8 s, then SIGKILL.
  await Promise.all(started.processes.filter(isService).map(({ running }) => running.stop(8_000)));
  await Promise.all(started.processes.filter((p) => !isService(p)).map(({ running }) => running.stop(2_000)));
  if (started.postgres?.embedded) await started.postgres.stop().catch((error) => say(`embedded Postgres: ${error.message}`));
  if (started.kafka) await runKafkaScript('stop', { KAFKA_STOP_SECONDS: '3' }).catch((error) => say(error.message));
  clearTimeout(hardStop);
  say('stopped');
  process.exit(exitCode);
}

process.on('SIGINT', () => void shutdown('SIGINT', 0));
process.on('SIGTERM', () => void shutdown('SIGTERM', 0));
main().catch((error) => {
  if (stopping) return;
  process.stderr.write(`obolus: failed to start the stack: ${error.message ?? error}\n`);
  void shutdown('failed to start', 1);
});
