import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { SERVICE_KEY_HEADER } from '@obolus/auth';
import { CloudEvent, InvoiceIssuedV1Data } from '@obolus/contracts';
import { serviceConnectionUrl } from '@obolus/database';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the capturing SMTP server stands in for the real one, as in e2e
import { MailSandbox, startMailSandbox } from '@obolus/mail-sandbox';
import { EventHandlerContext, UnitOfWorkRunner } from '@obolus/messaging';
import { createLogger } from '@obolus/observability';
import { loadConfig, loadServiceConfig } from '@obolus/platform';
import { uniqueSuffix, waitFor } from '@obolus/testing';
import { createHash, randomUUID } from 'node:crypto';
import { createServer, Server } from 'node:http';
import { AddressInfo, createServer as createTcpServer } from 'node:net';
import { Client } from 'pg';
import { DeliveriesConsumer } from '../src/deliveries/deliveries.consumer';
import { deliveryOf } from '../src/deliveries/mappers/deliveries-of-events';
import {
  accountCreated as accountCreatedEvent,
  invoiceIssued as invoiceIssuedEvent,
  subscriptionExpiring,
  trialEnding,
} from '../src/deliveries/test-support/events';
import { Mailer } from '../src/email/mailer';
import { messageIdOf } from '../src/email/message-id';
import { notificationsConfigSpec } from '../src/notifications.config';
import { NotificationsModule } from '../src/notifications.module';

const SERVICE_KEY = 'int-test-notifications-key';

/** invoicing's internal PDF route, as notifications sees it: the service key, 404 for an unknown invoice. */
class InvoicingStandIn {
  readonly pdfs = new Map<string, Buffer>();
  requests = 0;
  private server?: Server;

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      this.requests += 1;
      const match = /^\/internal\/invoices\/([^/]+)\/pdf$/.exec(request.url ?? '');
      if (request.headers[SERVICE_KEY_HEADER] !== SERVICE_KEY) return void response.writeHead(401).end();
      const pdf = match ? this.pdfs.get(match[1]!) : undefined;
      if (!pdf) return void response.writeHead(404).end();
      response.writeHead(200, { 'content-type': 'application/pdf' }).end(pdf);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

async function freePort(): Promise<number> {
  const server = createTcpServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const uniqueEmail = (name: string) => `${name}+${uniqueSuffix()}@client.example`;

const accountCreated = (ownerEmail: string) => accountCreatedEvent({ ownerEmail });

function invoiceIssued(recipients: string[], pdf: Buffer): CloudEvent<InvoiceIssuedV1Data> {
  const number = `OBFR-2026-${String(Math.floor(Math.random() * 999_999)).padStart(6, '0')}`;
  return invoiceIssuedEvent(pdf, { number, recipients });
}

describe('notifications deliveries (in process, real Postgres and Kafka)', () => {
  let app: INestApplicationContext;
  let consumer: DeliveriesConsumer;
  let mail: MailSandbox | undefined;
  let smtpPort: number;
  const invoicing = new InvoicingStandIn();
  let db: Client;

  /** What the event consumer does around a handler: one unit of work, committed or rolled back as a whole. */
  const handle = (work: (context: EventHandlerContext) => Promise<void>) =>
    app.get(UnitOfWorkRunner).run((uow) => work({ ...uow, topic: 't', partition: 0, offset: '0', attempt: 1 }));

  const deliveryFor = async (recipient: string) =>
    (
      await db.query<{ id: string; status: string; attempts: number; last_error: string | null }>(
        `SELECT id, status, attempts, last_error FROM notifications.deliveries WHERE $1 = ANY(recipients)`,
        [recipient],
      )
    ).rows;
  const mailTo = (recipient: string) => mail!.messages().filter((m) => m.envelope.to.includes(recipient));

  beforeAll(async () => {
    process.env.LOG_LEVEL = 'warn';
    smtpPort = await freePort();
    mail = await startMailSandbox({ smtpPort });
    const env = {
      ...process.env,
      PORT: '0',
      DATABASE_URL: serviceConnectionUrl(process.env.DATABASE_ADMIN_URL!, 'notifications'),
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      INVOICING_URL: await invoicing.start(),
      INVOICING_SERVICE_KEY: SERVICE_KEY,
      WEBHOOK_SECRETS_KEY: 'aW50LXRlc3Qtd2ViaG9vay1zZWNyZXRzLWtleS0zMmI=',
      NOTIFICATIONS_DISPATCH_POLL_MS: '200',
      NOTIFICATIONS_RETRY_MAX_SECONDS: '2',
    };
    const config = { ...loadServiceConfig(env), ...loadConfig(notificationsConfigSpec, env) };
    // The Kafka consumer is left out: the shared broker's notifications group belongs to running stacks.
    // Handlers are called as the consumer calls them; the outbox relay publishes to the real broker.
    app = await NestFactory.createApplicationContext(NotificationsModule.forRoot(config, createLogger('notifications')), {
      logger: ['error'],
    });
    await app.init();
    consumer = app.get(DeliveriesConsumer);
    db = new Client({ connectionString: process.env.DATABASE_ADMIN_URL });
    await db.connect();
  });

  afterAll(async () => {
    await app?.close();
    await db?.end();
    await mail?.close();
    await invoicing.stop();
  });

  it('sends an issued invoice once, with the PDF fetched from invoicing, and announces it on Kafka', async () => {
    const owner = uniqueEmail('owner');
    const finance = uniqueEmail('finance');
    const pdf = Buffer.from(`%PDF-1.7\n${randomUUID()}\n%%EOF\n`);
    const event = invoiceIssued([owner, finance], pdf);
    invoicing.pdfs.set(event.data.invoiceId, pdf);

    await handle((context) => consumer.onInvoiceIssued(event, context));
    // A redelivered event records nothing more.
    await handle((context) => consumer.onInvoiceIssued(event, context));

    const email = await mail!.waitFor((m) => m.envelope.to.includes(owner), 15_000);
    expect([...email.envelope.to].sort()).toEqual([owner, finance].sort());
    expect(email.subject).toBe(`Facture ${event.data.number}`);
    expect(email.attachments.map((a) => [a.filename, a.contentType])).toEqual([[event.data.pdf.filename, 'application/pdf']]);
    expect(createHash('sha256').update(email.attachments[0]!.content).digest('hex')).toBe(event.data.pdf.sha256);

    const [delivery] = await deliveryFor(owner);
    expect(email.messageId).toBe(messageIdOf(delivery!.id));
    await waitFor(async () => (await deliveryFor(owner))[0]?.status === 'sent', { what: 'the delivery marked sent' });
    const published = await waitFor(
      async () =>
        // Still null until Kafka acknowledges: keep waiting (waitFor stops on anything but undefined/false).
        (
          await db.query(
            `SELECT published_at FROM notifications.outbox WHERE event_id = $1 AND event_type = 'obolus.notifications.delivery.delivered.v1'`,
            [delivery!.id],
          )
        ).rows[0]?.published_at ?? undefined,
      { what: 'notification.delivered acknowledged by Kafka', timeoutMs: 30_000 },
    );
    expect(published).toBeInstanceOf(Date);
    expect(mailTo(owner)).toHaveLength(1);
    expect(await deliveryFor(owner)).toHaveLength(1);
  });

  it('sends the B6 notice of a prepaid period ending to the owner, in the account language, through SMTP', async () => {
    const owner = uniqueEmail('expiring');
    const event = subscriptionExpiring({ ownerEmail: owner });

    await handle((context) => consumer.onSubscriptionExpiring(event, context));

    const email = await mail!.waitFor((m) => m.envelope.to.includes(owner), 15_000);
    expect(email.envelope.to).toEqual([owner]);
    expect(email.subject).toBe('Abonamentul Premium expiră pe 30 ianuarie 2027');
    expect(email.text).toContain('Ultima zi plătită a ediției Premium este 30 ianuarie 2027.');
    expect(email.text).toContain('trece automat la ediția gratuită Standard');
    await waitFor(async () => (await deliveryFor(owner))[0]?.status === 'sent', { what: 'the notice marked sent' });
    const [delivery] = await deliveryFor(owner);
    expect(email.messageId).toBe(messageIdOf(delivery!.id));
    expect(mailTo(owner)).toHaveLength(1);
  });

  it('records nothing for a B6 notice whose event names no owner address', async () => {
    const event = trialEnding({ ownerEmail: undefined });
    await handle((context) => consumer.onTrialEnding(event, context));
    const recorded = await db.query(`SELECT id FROM notifications.deliveries WHERE cause_event_id = $1`, [event.id]);
    expect(recorded.rows).toEqual([]);
  });

  it('sends nothing for a delivery recorded in a transaction that rolls back', async () => {
    const owner = uniqueEmail('rolled-back');
    await expect(
      handle(async (context) => {
        await consumer.onAccountCreated(accountCreated(owner), context);
        throw new Error('a later event of the chunk failed');
      }),
    ).rejects.toThrow(/later event/);
    // A control delivery recorded after it goes out: the dispatcher was awake the whole time.
    const control = uniqueEmail('control');
    await handle((context) => consumer.onAccountCreated(accountCreated(control), context));
    await mail!.waitFor((m) => m.envelope.to.includes(control), 15_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(mailTo(owner)).toEqual([]);
    expect(await deliveryFor(owner)).toEqual([]);
  });

  it('keeps a delivery pending while SMTP is down, and sends it once when SMTP is back', async () => {
    await mail!.close();
    mail = undefined;
    const owner = uniqueEmail('smtp-down');
    await handle((context) => consumer.onAccountCreated(accountCreated(owner), context));

    const failing = await waitFor(
      async () => {
        const [delivery] = await deliveryFor(owner);
        return delivery && delivery.attempts >= 2 ? delivery : undefined;
      },
      { what: 'two failed tries recorded', timeoutMs: 20_000 },
    );
    expect(failing.status).toBe('pending');
    expect(failing.last_error).toMatch(/ECONNREFUSED|ESOCKET|ECONNECTION/);

    mail = await startMailSandbox({ smtpPort });
    await waitFor(async () => (await deliveryFor(owner))[0]?.status === 'sent', {
      what: 'the delivery sent once SMTP is back',
      timeoutMs: 20_000,
    });
    expect(mailTo(owner)).toHaveLength(1);
    const [sent] = await deliveryFor(owner);
    expect(sent!.last_error).toBeNull();
    expect(sent!.attempts).toBeGreaterThanOrEqual(3);
  });

  it('yields one message when a delivery goes out twice (a crash between the send and its mark)', async () => {
    const owner = uniqueEmail('crash');
    const event = accountCreated(owner);
    await handle(async (context) => {
      await consumer.onAccountCreated(event, context);
      // The first try: sent, then the process dies before the row says so.
      const [recorded] = (await context.manager.query(`SELECT id FROM notifications.deliveries WHERE cause_event_id = $1`, [
        event.id,
      ])) as { id: string }[];
      await app.get(Mailer).send({ deliveryId: recorded!.id, to: [owner], subject: 'Bienvenue', text: 'first try' });
    });
    // The dispatcher finds the row still pending and sends it again, with the same Message-ID.
    await waitFor(async () => (await deliveryFor(owner))[0]?.status === 'sent', { what: 'the resend', timeoutMs: 15_000 });
    const messages = mailTo(owner);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.messageId).toBe(messageIdOf((await deliveryFor(owner))[0]!.id));
  });

  it('marks the delivery failed, with the reason, when invoicing has no such invoice', async () => {
    const owner = uniqueEmail('no-invoice');
    const event = invoiceIssued([owner], Buffer.from('%PDF-1.7 never stored'));
    await handle((context) => consumer.onInvoiceIssued(deliveryOfCheck(event), context));
    const failed = await waitFor(
      async () => {
        const [delivery] = await deliveryFor(owner);
        return delivery?.status === 'failed' ? delivery : undefined;
      },
      { what: 'the delivery failed for good', timeoutMs: 15_000 },
    );
    expect(failed.attempts).toBe(1);
    expect(failed.last_error).toContain(`invoicing has no invoice ${event.data.invoiceId}`);
    expect(mailTo(owner)).toEqual([]);
  });
});

/** The mapper accepts the event as the consumer receives it (a sanity check on the fixture). */
function deliveryOfCheck(event: CloudEvent<InvoiceIssuedV1Data>): CloudEvent<InvoiceIssuedV1Data> {
  expect(deliveryOf(event).recipients).toEqual(event.data.recipients);
  return event;
}
