import { Kafka } from 'kafkajs';
import { DeadLetter, readDeadLetters, replayDeadLetters } from './dead-letters';
import { createEventProducer, createKafka } from './kafka';

/** Where a command writes; the same shape as @obolus/cli's CliIo, declared here so messaging does not depend on the CLI. */
export interface DlqCommandIo {
  out: { write(text: string): unknown };
  err: { write(text: string): unknown };
}

const EXIT_OK = 0;
const EXIT_FAILED = 1;
const EXIT_USAGE = 2;
const USAGE =
  'usage: obolus dlq list <topic> [--json] | replay <topic> [--event-id ID]   (KAFKA_BROKERS, default 127.0.0.1:9092)';

function summary(letter: DeadLetter): string {
  return [
    `${letter.partition}/${letter.offset}`,
    letter.eventId ?? '-',
    letter.eventType ?? '-',
    `account ${letter.accountId ?? '-'}`,
    `${letter.reason ?? '-'} after ${letter.attempts ?? '?'} tr${letter.attempts === 1 ? 'y' : 'ies'} in ${letter.consumer ?? '-'}`,
    letter.failedAt ?? '-',
    (letter.error ?? '').replace(/\s+/g, ' ').slice(0, 200),
  ].join('  ');
}

/** `obolus dlq list|replay`: what sits in a topic's dead-letter topic, and sending it back to be handled again. */
export async function dlqCommand(
  args: string[],
  io: DlqCommandIo,
  kafka: Kafka = createKafka({ brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','), clientId: 'obolus-cli' }),
): Promise<number> {
  const [action, topic, ...options] = args;
  if ((action !== 'list' && action !== 'replay') || !topic || topic.startsWith('-')) {
    io.err.write(`${USAGE}\n`);
    return EXIT_USAGE;
  }
  const json = options.includes('--json');
  const eventIdAt = options.indexOf('--event-id');
  const eventId = eventIdAt >= 0 ? options[eventIdAt + 1] : undefined;
  const unknown = options.filter((option, i) => option !== '--json' && option !== '--event-id' && i !== eventIdAt + 1);
  if (unknown.length > 0 || (eventIdAt >= 0 && !eventId) || (action === 'list' && eventIdAt >= 0)) {
    io.err.write(`${USAGE}\n`);
    return EXIT_USAGE;
  }
  if (topic.endsWith('.dlq')) {
    io.err.write(`obolus dlq: give the original topic (${topic.slice(0, -4)}), not its dead-letter topic\n`);
    return EXIT_USAGE;
  }

  let letters: DeadLetter[];
  try {
    letters = await readDeadLetters(kafka, topic);
  } catch (error) {
    io.err.write(`obolus dlq: cannot read ${topic}.dlq: ${(error as Error).message}\n`);
    return EXIT_FAILED;
  }

  if (action === 'list') {
    if (json)
      io.out.write(
        `${JSON.stringify(
          letters.map(({ message: _message, ...letter }) => letter),
          null,
          2,
        )}\n`,
      );
    else {
      io.out.write(`${letters.length} dead letter(s) in ${topic}.dlq\n`);
      for (const letter of letters) io.out.write(`${summary(letter)}\n`);
    }
    return EXIT_OK;
  }

  const chosen = eventId ? letters.filter((letter) => letter.eventId === eventId) : letters;
  if (eventId && chosen.length === 0) {
    io.err.write(`obolus dlq: no dead letter with event id ${eventId} in ${topic}.dlq\n`);
    return EXIT_FAILED;
  }
  const producer = createEventProducer(kafka);
  try {
    await producer.connect();
    const replayed = await replayDeadLetters(producer, topic, chosen);
    io.out.write(`replayed ${replayed} dead letter(s) into ${topic}; consumers that already handled them skip them\n`);
    return EXIT_OK;
  } catch (error) {
    io.err.write(`obolus dlq: replay into ${topic} failed: ${(error as Error).message}\n`);
    return EXIT_FAILED;
  } finally {
    await producer.disconnect().catch(() => undefined);
  }
}
