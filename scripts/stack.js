// The whole local stack in one foreground process: Kafka, Postgres, the sandboxes and the six services.
// Ctrl-C (or SIGTERM) stops the services gracefully, then what this process started.
const { execFileSync, spawn } = require('node:child_process');
const { mkdirSync } = require('node:fs');
const { join } = require('node:path');
const { OBOLUS_SERVICES, provisionServiceDatabases } = require('@obolus/database');
const { ensurePostgres, serviceEnvironment, startServiceProcess, repositoryRoot } = require('@obolus/stack');

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
};
const stripeWebhookSecret = process.env.STRIPE_WEBHOOK_SECRET ?? 'whsec_obolus_sandbox';

// Local stand-ins that speak the external APIs; each is probed over HTTP until it answers.
const sandboxes = [
  {
    name: 'stripe-sandbox',
    entry: 'sandboxes/stripe/dist/main.js',
    probe: `http://127.0.0.1:${ports.stripe}`,
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
    probe: `http://127.0.0.1:${ports.vies}`,
    env: { VIES_SANDBOX_PORT: String(ports.vies) },
    shows: `http://127.0.0.1:${ports.vies}`,
  },
  {
    name: 'mail-sandbox',
    entry: 'sandboxes/mail/dist/main.js',
    probe: `http://127.0.0.1:${ports.mailViewer}`,
    env: { MAIL_SANDBOX_SMTP_PORT: String(ports.smtp), MAIL_SANDBOX_HTTP_PORT: String(ports.mailViewer) },
    shows: `smtp://127.0.0.1:${ports.smtp}, mail viewer http://127.0.0.1:${ports.mailViewer}`,
  },
];

/** What the services are told about the sandboxes. */
const sandboxEnvironment = {
  STRIPE_SECRET_KEY: process.env.STRIPE_SECRET_KEY ?? 'sk_test_obolus_local',
  STRIPE_API_URL: process.env.STRIPE_API_URL ?? `http://127.0.0.1:${ports.stripe}`,
  STRIPE_WEBHOOK_SECRET: stripeWebhookSecret,
  VIES_URL: `http://127.0.0.1:${ports.vies}`,
  SMTP_URL: process.env.SMTP_URL ?? `smtp://127.0.0.1:${ports.smtp}`,
};

const started = { kafka: false, postgres: undefined, sandboxes: [], services: [] };
let stopping = false;

function kafkaAnswers() {
  try {
    execFileSync('bash', [join(repositoryRoot, 'deploy/kafka/kafka.sh'), 'status'], {
      stdio: 'ignore',
      env: { ...process.env, KAFKA_PORT: kafkaPort },
    });
    return true;
  } catch {
    return false;
  }
}

async function startSandbox(sandbox) {
  const child = spawn(process.execPath, [join(repositoryRoot, sandbox.entry)], {
    env: { ...process.env, ...sandbox.env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  started.sandboxes.push(child);
  const url = sandbox.probe;
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`${sandbox.name} exited during start`);
    try {
      await fetch(url, { signal: AbortSignal.timeout(1000) });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`${sandbox.name} did not answer on ${url}`);
}

async function main() {
  const began = Date.now();
  mkdirSync(logDir, { recursive: true });
  if (!kafkaAnswers()) {
    say(`starting Kafka on 127.0.0.1:${kafkaPort}`);
    execFileSync('bash', [join(repositoryRoot, 'deploy/kafka/kafka.sh'), 'start'], {
      stdio: 'inherit',
      env: { ...process.env, KAFKA_PORT: kafkaPort },
    });
    started.kafka = true;
  } else {
    say(`using the Kafka broker already on ${brokers.join(',')}`);
  }
  started.postgres = await ensurePostgres(adminUrl, say);
  say('preparing the database: one schema and one role per service');
  await provisionServiceDatabases({ adminUrl, services: OBOLUS_SERVICES });

  const sandboxUrls = [];
  for (const sandbox of sandboxes) {
    await startSandbox(sandbox);
    sandboxUrls.push([sandbox.name, sandbox.shows]);
  }
  const extra = sandboxEnvironment;

  const stack = {
    databaseAdminUrl: adminUrl,
    kafkaBrokers: brokers,
    otlpEndpoint: process.env.OTEL_EXPORTER_OTLP_ENDPOINT,
    extra,
  };
  say(`starting ${OBOLUS_SERVICES.length} services (logs in .data/logs/)`);
  const services = await Promise.all(
    OBOLUS_SERVICES.map((service) =>
      startServiceProcess({
        service,
        env: serviceEnvironment(service, stack),
        logFile: join(logDir, `${service}.log`),
        healthTimeoutMs: 120_000,
      }).then((running) => {
        started.services.push(running);
        running.exited.then(({ code, signal }) => {
          if (!stopping) say(`${service} exited (code ${code}, signal ${signal}); see .data/logs/${service}.log`);
        });
        return running;
      }),
    ),
  );

  const seconds = ((Date.now() - began) / 1000).toFixed(1);
  say(`stack ready in ${seconds} s`);
  const rows = [
    ...services.map((s) => [s.service, `${s.url}  (health: ${s.url}/health)`]),
    ...sandboxUrls,
    ['kafka', brokers.join(',')],
    ['postgres', adminUrl.replace(/:[^:@/]*@/, ':***@')],
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  for (const [name, url] of rows) process.stdout.write(`  ${name.padEnd(width)}  ${url}\n`);
  say('press Ctrl-C to stop');
}

async function stop(signal) {
  if (stopping) return;
  stopping = true;
  say(`${signal}: stopping`);
  await Promise.all(started.services.map((s) => s.stop()));
  for (const child of started.sandboxes) child.kill('SIGTERM');
  if (started.postgres?.embedded) await started.postgres.stop();
  if (started.kafka) execFileSync('bash', [join(repositoryRoot, 'deploy/kafka/kafka.sh'), 'stop'], { stdio: 'inherit' });
  say('stopped');
  process.exit(0);
}

process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
main().catch(async (error) => {
  process.stderr.write(`obolus: failed to start the stack: ${error.stack ?? error}\n`);
  await stop('error');
  process.exit(1);
});
