/**
 * The approval-email channel port: sends one approval email to one approver. AWS: SNS
 * (./sns-email-channel.ts); local: the notification sink (local/notifications.ts). `send` resolves
 * only when the channel accepted the message and throws otherwise, so callers count only accepted
 * sends as "notified".
 */
import type { EmailNotification } from './approval-email';

export interface EmailChannel {
  send(email: EmailNotification): Promise<void>;
}

/** Recording twin (unit tests): keeps every email; `failFor` makes sends to those addresses throw. */
export class RecordingEmailChannel implements EmailChannel {
  readonly sent: EmailNotification[] = [];

  constructor(private readonly failFor: readonly string[] = []) {}

  async send(email: EmailNotification): Promise<void> {
    if (this.failFor.includes(email.to)) throw new Error(`simulated failure sending to ${email.to}`);
    this.sent.push({ ...email });
  }
}
