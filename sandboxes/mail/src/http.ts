import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { summary, type MessageStore } from './messages';
import { renderList, renderMessage } from './viewer';

const HTML_HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  // No external assets; the captured HTML lives in a sandboxed srcdoc frame.
  'Content-Security-Policy':
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
};

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

function notFound(res: ServerResponse): void {
  json(res, 404, { code: 'not_found', message: 'No such message or attachment' });
}

/** RFC 6266: an ASCII fallback plus the UTF-8 name. */
function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export function createViewerServer(store: MessageStore): Server {
  return createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    const path = url.pathname.replace(/\/+$/, '') || '/';
    const method = req.method ?? 'GET';
    const parts = path.split('/').slice(1).map(decodeURIComponent);
    req.resume();

    if (method === 'GET' && path === '/') {
      res.writeHead(200, HTML_HEADERS).end(renderList(store.list()));
      return;
    }
    if (method === 'GET' && parts[0] === 'messages' && parts.length === 2) {
      const message = store.get(parts[1]);
      if (!message) return notFound(res);
      res.writeHead(200, HTML_HEADERS).end(renderMessage(message));
      return;
    }
    if (method === 'POST' && path === '/clear') {
      store.clear();
      res.writeHead(303, { Location: '/' }).end();
      return;
    }
    if (parts[0] !== 'api' || parts[1] !== 'messages') return notFound(res);
    if (parts.length === 2 && method === 'GET')
      return json(
        res,
        200,
        store.list().map((m) => summary(m, false)),
      );
    if (parts.length === 2 && method === 'DELETE') {
      store.clear();
      res.writeHead(204).end();
      return;
    }
    if (method !== 'GET') return json(res, 405, { code: 'method_not_allowed', message: `${method} is not allowed here` });
    const message = store.get(parts[2]);
    if (!message) return notFound(res);
    if (parts.length === 3) return json(res, 200, summary(message, true));
    if (parts.length === 4 && parts[3] === 'raw') {
      res
        .writeHead(200, { 'Content-Type': 'message/rfc822', 'Content-Disposition': contentDisposition(`${message.id}.eml`) })
        .end(message.raw);
      return;
    }
    if (parts.length === 5 && parts[3] === 'attachments') {
      const attachment = /^\d+$/.test(parts[4]) ? message.attachments[Number(parts[4])] : undefined;
      if (!attachment) return notFound(res);
      res
        .writeHead(200, {
          'Content-Type': attachment.contentType,
          'Content-Length': String(attachment.content.length),
          'Content-Disposition': contentDisposition(attachment.filename),
          'X-Content-Type-Options': 'nosniff',
        })
        .end(attachment.content);
      return;
    }
    notFound(res);
  });
}
