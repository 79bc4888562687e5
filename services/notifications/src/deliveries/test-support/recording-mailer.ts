import { Mailer, OutgoingEmail } from '../../email/mailer';
import { messageIdOf } from '../../email/message-id';

/** A mailer for specs: keeps what it was asked to send, or fails with the errors queued in `failures`. */
export class RecordingMailer extends Mailer {
  readonly sent: (OutgoingEmail & { messageId: string })[] = [];
  /** Thrown by the next sends, one each, before any is recorded. */
  readonly failures: unknown[] = [];

  async send(email: OutgoingEmail): Promise<string> {
    if (this.failures.length) throw this.failures.shift();
    const messageId = messageIdOf(email.deliveryId);
    this.sent.push({ ...email, messageId });
    return messageId;
  }
}
