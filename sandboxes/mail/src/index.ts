import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SMTPServer } from 'smtp-server';
import { createViewerServer } from './http';
import { MessageStore, type CapturedMessage } from './messages';
import { createSmtpServer } from './smtp';

export type { CapturedAttachment, CapturedMessage, MailAddress } from './messages';

export interface MailSandboxOptions {
  smtpPort?: number;
  httpPort?: number;
  host?: string;
  /** How many messages to keep; the oldest go first. */
  capacity?: number;
}

export interface MailSandbox {
  smtpPort: number;
  httpUrl: string;
  /** Newest first. */
  messages(): CapturedMessage[];
  waitFor(predicate: (message: CapturedMessage) => boolean, timeoutMs?: number): Promise<CapturedMessage>;
  clear(): void;
  close(): Promise<void>;
}

function listen(server: Server | SMTPServer, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = (server as Server).address?.() ?? (server as unknown as { server: Server }).server.address();
      resolve((address as AddressInfo).port);
    });
  });
}

export async function startMailSandbox(options: MailSandboxOptions = {}): Promise<MailSandbox> {
  const host = options.host ?? '127.0.0.1';
  const store = new MessageStore(options.capacity ?? 1000);
  const smtp = createSmtpServer(store);
  const http = createViewerServer(store);
  const smtpPort = await listen(smtp, options.smtpPort ?? 0, host);
  const httpPort = await listen(http, options.httpPort ?? 0, host);
  return {
    smtpPort,
    httpUrl: `http://${host}:${httpPort}`,
    messages: () => store.list(),
    waitFor: (predicate, timeoutMs = 5000) => store.waitFor(predicate, timeoutMs),
    clear: () => store.clear(),
    close: async () => {
      http.closeAllConnections();
      await Promise.all([
        new Promise<void>((resolve) => smtp.close(() => resolve())),
        new Promise<void>((resolve) => http.close(() => resolve())),
      ]);
    },
  };
}
