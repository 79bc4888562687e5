import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { MAX_BODY_KEPT_BYTES, WebhookSender } from './webhook-sender';

describe('WebhookSender', () => {
  let server: Server;
  let base: string;
  const hits: string[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      hits.push(request.url ?? '');
      request.resume();
      if (request.url === '/redirect') return void response.writeHead(302, { location: 'http://169.254.169.254/latest' }).end();
      if (request.url === '/slow') return void setTimeout(() => response.writeHead(200).end('late'), 2_000).unref();
      if (request.url === '/big') return void response.writeHead(500).end('x'.repeat(200_000));
      response.writeHead(204).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const sender = (allowHttpLoopback = true) =>
    new WebhookSender({ allowHttpLoopback, connectTimeoutMs: 1_000, responseTimeoutMs: 500 });

  it('posts the body and reports the status and the time it took', async () => {
    const outcome = await sender().send(`${base}/ok`, { 'content-type': 'application/json' }, '{}');
    expect(outcome).toMatchObject({ statusCode: 204 });
    expect(outcome.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('does not follow a redirect: the 302 is the answer', async () => {
    hits.length = 0;
    expect(await sender().send(`${base}/redirect`, {}, '{}')).toMatchObject({ statusCode: 302 });
    expect(hits).toEqual(['/redirect']);
  });

  it('gives up on a slow answer, and keeps only the first 4 KB of a large one', async () => {
    expect((await sender().send(`${base}/slow`, {}, '{}')).error).toMatch(/no complete response within 500 ms/);
    const big = await sender().send(`${base}/big`, {}, '{}');
    expect(big.statusCode).toBe(500);
    expect(big.responseBody).toHaveLength(MAX_BODY_KEPT_BYTES);
  });

  it('refuses at connection time a host name that resolves to loopback, and loopback without the development flag', async () => {
    const port = (server.address() as AddressInfo).port;
    expect((await sender().send(`https://localhost:${port}/ok`, {}, '{}')).error).toMatch(/resolves to a non-public address \(127\.0\.0\.1|::1\)/);
    expect((await sender(false).send(`${base}/ok`, {}, '{}')).error).toMatch(/refused: the URL must be an https URL/);
    expect((await sender(false).send(`https://127.0.0.1:${port}/ok`, {}, '{}')).error).toMatch(/refused: .*127\.0\.0\.1/);
  });
});
