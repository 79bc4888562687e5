import { randomUUID } from 'node:crypto';
import type { AddressObject, ParsedMail } from 'mailparser';

export interface MailAddress {
  name: string;
  address: string;
}

export interface CapturedAttachment {
  filename: string;
  contentType: string;
  size: number;
  content: Buffer;
}

/** One message as it arrived: the SMTP envelope (every real recipient, Bcc included) and the parsed headers and body. */
export interface CapturedMessage {
  id: string;
  receivedAt: string;
  envelope: { from: string | null; to: string[] };
  messageId: string | null;
  from: MailAddress[];
  to: MailAddress[];
  cc: MailAddress[];
  subject: string;
  text: string;
  html: string | null;
  attachments: CapturedAttachment[];
  raw: Buffer;
}

function addresses(field: AddressObject | AddressObject[] | undefined): MailAddress[] {
  const objects = field === undefined ? [] : Array.isArray(field) ? field : [field];
  const out: MailAddress[] = [];
  const visit = (list: { name: string; address?: string; group?: { name: string; address?: string }[] }[]): void => {
    for (const entry of list) {
      if (entry.group) visit(entry.group);
      else out.push({ name: entry.name, address: entry.address ?? '' });
    }
  };
  for (const object of objects) visit(object.value);
  return out;
}

export function captureMessage(parsed: ParsedMail, envelope: CapturedMessage['envelope'], raw: Buffer): CapturedMessage {
  return {
    id: randomUUID(),
    receivedAt: new Date().toISOString(),
    envelope,
    messageId: parsed.messageId ?? null,
    from: addresses(parsed.from),
    to: addresses(parsed.to),
    cc: addresses(parsed.cc),
    subject: parsed.subject ?? '',
    text: parsed.text ?? '',
    html: parsed.html === false ? null : parsed.html,
    attachments: parsed.attachments.map((a, index) => ({
      filename: a.filename ?? `attachment-${index + 1}`,
      contentType: a.contentType,
      size: a.size,
      content: a.content,
    })),
    raw,
  };
}

/** The public JSON of a message: attachments without their bytes. */
export function summary(message: CapturedMessage, withHtml: boolean): Record<string, unknown> {
  const { raw: _raw, attachments, html, ...rest } = message;
  return {
    ...rest,
    ...(withHtml ? { html } : {}),
    attachments: attachments.map(({ content: _content, ...meta }, index) => ({ index, ...meta })),
  };
}

type Waiter = { predicate: (m: CapturedMessage) => boolean; resolve: (m: CapturedMessage) => void };

/**
 * Messages in memory, newest first, keeping at most `capacity`. A message whose Message-ID is already
 * kept is a resend of the same message (a sender retrying after a lost reply): it is stored once, as a
 * mailbox that deduplicates by Message-ID shows it.
 */
export class MessageStore {
  private readonly messages: CapturedMessage[] = [];
  private readonly waiters = new Set<Waiter>();

  constructor(private readonly capacity = 1000) {}

  /** False when the message was a resend and nothing was added. */
  add(message: CapturedMessage): boolean {
    if (message.messageId && this.messages.some((kept) => kept.messageId === message.messageId)) return false;
    this.messages.unshift(message);
    if (this.messages.length > this.capacity) this.messages.length = this.capacity;
    for (const waiter of this.waiters) {
      if (waiter.predicate(message)) {
        this.waiters.delete(waiter);
        waiter.resolve(message);
      }
    }
    return true;
  }

  list(): CapturedMessage[] {
    return [...this.messages];
  }

  get(id: string): CapturedMessage | undefined {
    return this.messages.find((m) => m.id === id);
  }

  clear(): void {
    this.messages.length = 0;
  }

  /** The first message (already here or still to come) that matches, or an error after timeoutMs. */
  waitFor(predicate: (m: CapturedMessage) => boolean, timeoutMs: number): Promise<CapturedMessage> {
    const existing = [...this.messages].reverse().find(predicate);
    if (existing) return Promise.resolve(existing);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        predicate,
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`no matching message within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }
}
