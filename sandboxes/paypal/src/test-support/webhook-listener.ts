import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  rawBody: string;
  headers: IncomingHttpHeaders;
  eventType: string;
  resourceId: string;
}

/** A local webhook listener for tests: records every request, answers with `respond`'s status. */
export async function startWebhookListener(respond: (hook: ReceivedWebhook, index: number) => number = () => 200) {
  const received: ReceivedWebhook[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const event = JSON.parse(rawBody) as { event_type: string; resource: { id: string } };
      const hook = { rawBody, headers: req.headers, eventType: event.event_type, resourceId: event.resource.id };
      received.push(hook);
      res.writeHead(respond(hook, received.length - 1)).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/paypal`;

  async function waitFor(predicate: (hook: ReceivedWebhook) => boolean, timeoutMs = 5000): Promise<ReceivedWebhook> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = received.find(predicate);
      if (found) return found;
      if (Date.now() > deadline)
        throw new Error(`no matching webhook within ${timeoutMs} ms; got ${received.map((h) => h.eventType).join(', ')}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  return {
    url,
    received,
    waitFor,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
