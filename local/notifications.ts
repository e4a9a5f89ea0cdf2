/**
 * Outgoing notifications of the local stack. Offline there is no SNS, so each approval email (one
 * per approver, with their personal signed link) goes to a sink as `{"type":"email","to","subject",
 * "body"}`: the headless mode prints each as one JSON line on stdout (DESIGN §5), the terminal chat
 * shows them inline. The text is exactly what SNS would send (handlers/approvals/approval-email.ts).
 */
import type { EmailNotification } from '../handlers/approvals/approval-email';
import type { EmailChannel } from '../handlers/approvals/email-channel.port';

export type { EmailNotification };

export type NotificationSink = (notification: EmailNotification) => void;

/** The {@link EmailChannel} of the local stack: every email is accepted by handing it to the sink. */
export class SinkEmailChannel implements EmailChannel {
  constructor(private readonly sink: NotificationSink) {}

  async send(email: EmailNotification): Promise<void> {
    this.sink({ type: 'email', to: email.to, subject: email.subject, body: email.body });
  }
}
