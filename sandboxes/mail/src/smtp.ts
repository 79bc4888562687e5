import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { captureMessage, type MessageStore } from './messages';

export const MAX_MESSAGE_BYTES = 25 * 1024 * 1024;

/** A capturing SMTP server: any sender, any recipient, any (or no) credentials, no TLS. */
export function createSmtpServer(store: MessageStore): SMTPServer {
  return new SMTPServer({
    name: 'obolus-mail-sandbox',
    banner: 'Obolus mail sandbox: every message is captured, none is delivered',
    secure: false,
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    allowInsecureAuth: true,
    size: MAX_MESSAGE_BYTES,
    logger: false,
    onAuth(auth, _session, callback) {
      callback(null, { user: auth.username ?? 'anonymous' });
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', (error: Error) => callback(error));
      stream.on('end', () => {
        if (stream.sizeExceeded) {
          const error = Object.assign(new Error('Message exceeds the 25 MB limit of the Obolus mail sandbox'), {
            responseCode: 552,
          });
          callback(error);
          return;
        }
        const raw = Buffer.concat(chunks);
        const mailFrom = session.envelope.mailFrom;
        const envelope = {
          from: mailFrom ? mailFrom.address : null,
          to: session.envelope.rcptTo.map((r) => r.address),
        };
        simpleParser(raw)
          .then((parsed) => {
            // A resend with a known Message-ID is accepted (the sender must not retry again) but kept once.
            store.add(captureMessage(parsed, envelope, raw));
            callback();
          })
          .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error))));
      });
    },
  });
}
