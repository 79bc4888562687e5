import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const repositoryRoot = join(__dirname, '../../..');

export interface TestInfrastructure {
  kafkaBrokers: string[];
  /** A superuser connection to the test database. */
  databaseAdminUrl: string;
  stop(): Promise<void>;
}

/** Docker is reachable: testcontainers can start real Kafka and Postgres containers. */
export function dockerAvailable(): boolean {
  if (process.env.OBOLUS_TEST_CONTAINERS === '0') return false;
  if (process.env.OBOLUS_TEST_CONTAINERS === '1') return true;
  if (process.env.DOCKER_HOST) return true;
  return existsSync('/var/run/docker.sock');
}

/**
 * Real Kafka and Postgres for a test run. With Docker, testcontainers starts apache/kafka 3.9 and
 * postgres 16. Without it, the local broker (deploy/kafka/kafka.sh, started if none answers) and the
 * Postgres at DATABASE_ADMIN_URL (127.0.0.1:5432 by default).
 */
export async function startTestInfrastructure(): Promise<TestInfrastructure> {
  if (dockerAvailable()) return startContainers();
  const port = process.env.KAFKA_PORT ?? '9092';
  await run('bash', [join(repositoryRoot, 'deploy/kafka/kafka.sh'), 'start'], {
    env: { ...process.env, KAFKA_PORT: port },
    timeout: 600_000,
  });
  return {
    kafkaBrokers: (process.env.KAFKA_BROKERS ?? `127.0.0.1:${port}`).split(','),
    databaseAdminUrl: process.env.DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    // The local broker is shared by later runs; it is left running (npm run kafka:stop stops it).
    stop: async () => undefined,
  };
}

async function startContainers(): Promise<TestInfrastructure> {
  const { GenericContainer, Wait } = await import('testcontainers');
  const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
  const postgres = await new PostgreSqlContainer('postgres:16-alpine')
    .withDatabase('obolus_test')
    .withUsername('postgres')
    .withPassword('postgres')
    .start();
  const kafka = await new GenericContainer('apache/kafka:3.9.1')
    .withExposedPorts({ container: 9092, host: 19092 })
    .withEnvironment({
      KAFKA_NODE_ID: '1',
      KAFKA_PROCESS_ROLES: 'broker,controller',
      KAFKA_LISTENERS: 'PLAINTEXT://:9092,CONTROLLER://:9093',
      KAFKA_ADVERTISED_LISTENERS: 'PLAINTEXT://127.0.0.1:19092',
      KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER',
      KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: 'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
      KAFKA_CONTROLLER_QUORUM_VOTERS: '1@localhost:9093',
      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
      KAFKA_OFFSETS_TOPIC_NUM_PARTITIONS: '1',
      KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '1',
      KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: '1',
      KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: '0',
      KAFKA_AUTO_CREATE_TOPICS_ENABLE: 'false',
    })
    .withWaitStrategy(Wait.forLogMessage(/Kafka Server started/))
    .start();
  return {
    kafkaBrokers: [`127.0.0.1:19092`],
    databaseAdminUrl: postgres.getConnectionUri(),
    stop: async () => {
      await kafka.stop();
      await postgres.stop();
    },
  };
}

/**
 * A broker crash: SIGKILL the local broker (the one deploy/kafka/kafka.sh started for this run), then
 * start it again on the same data and wait until it answers. Only the local broker can be crashed this way.
 */
export async function crashAndRestartLocalBroker(): Promise<{ downMs: number }> {
  const { readFileSync } = await import('node:fs');
  const pidFile = join(process.env.KAFKA_LOCAL_HOME ?? join(repositoryRoot, '.data/kafka'), 'kafka.pid');
  let pid: number;
  try {
    pid = Number(readFileSync(pidFile, 'utf8').trim());
  } catch {
    throw new Error(`no broker started by deploy/kafka/kafka.sh (no ${pidFile}); a broker crash needs the local one`);
  }
  const began = Date.now();
  process.kill(pid, 'SIGKILL');
  for (let i = 0; i < 100; i++) {
    try {
      process.kill(pid, 0);
      await new Promise((resolve) => setTimeout(resolve, 100));
    } catch {
      break;
    }
  }
  const port = process.env.KAFKA_PORT ?? '9092';
  await run('bash', [join(repositoryRoot, 'deploy/kafka/kafka.sh'), 'start'], {
    env: { ...process.env, KAFKA_PORT: port },
    timeout: 180_000,
  });
  return { downMs: Date.now() - began };
}
