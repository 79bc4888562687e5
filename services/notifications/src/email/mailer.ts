import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { messageIdOf } from './message-id';

export const MAIL_SETTINGS = Symbol('MAIL_SETTINGS');

export interface MailSettings {
  smtpUrl: string;
  from: string;
}

export interface EmailAttachment {
  filename: string;
  content: Buffer;
  contentType: string;
}

export interface OutgoingEmail {
  /** Becomes the Message-ID, so a resend of the same delivery is recognisable as one message. */
  deliveryId: string;
  to: string[];
  subject: string;
  text: string;
  /** The same content as `text`, as a simple accessible HTML document (multipart/alternative). */
  html?: string;
  attachments?: EmailAttachment[];
}

/** Sends e-mail; the token use cases inject, so a spec gives them a stand-in that records what it was asked. */
export abstract class Mailer {
  /** The Message-ID sent. */
  abstract send(email: OutgoingEmail): Promise<string>;
}

/** Sends over SMTP with nodemailer; the server is the real one in production, a capturing one in tests. */
@Injectable()
export class SmtpMailer extends Mailer implements OnApplicationShutdown {
  private readonly transport: Transporter;

  constructor(@Inject(MAIL_SETTINGS) private readonly settings: MailSettings) {
    super();
    // Bounded waits: a hung server must not hold a delivery (and its row lock) for minutes.
    this.transport = createTransport({
      url: settings.smtpUrl,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
  }

  async send(email: OutgoingEmail): Promise<string> {
    const info = await this.transport.sendMail({
      from: this.settings.from,
      to: email.to,
      subject: email.subject,
      text: email.text,
      html: email.html,
      messageId: messageIdOf(email.deliveryId),
      attachments: email.attachments,
    });
    return info.messageId;
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}
