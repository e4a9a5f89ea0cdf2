/**
 * Approval emails through Amazon SNS: one Publish per approver to the approvals topic, with the
 * message attribute `approver` (String) naming the approver's email, so each approver's email
 * subscription receives only its own message through a subscription filter policy such as
 * `{"approver":["bob@example.com"]}` (attribute-based filtering is the default scope:
 * https://docs.aws.amazon.com/sns/latest/dg/sns-message-filtering.html).
 *
 * Publish: `Subject` is used for email endpoints and must be ASCII, under 100 characters, without
 * line breaks; `Message` is plain text here; `MessageAttributes` values are
 * `{ DataType: 'String', StringValue }` (https://docs.aws.amazon.com/sns/latest/api/API_Publish.html).
 * Throttling and KMS faults (`ThrottledException`, `KMSThrottlingException`, 5xx) are retried by
 * the SDK's standard retry strategy (the client's `maxAttempts`); what still fails is thrown as an
 * {@link EmailNotSentError} carrying only the AWS error name, never the message or the link.
 */
import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import { ChatOpsError } from '../../kernel/errors';
import { type EmailNotification, emailSubject } from './approval-email';
import type { EmailChannel } from './email-channel.port';

/** The SNS message attribute a subscription filter policy routes on. */
export const APPROVER_ATTRIBUTE = 'approver';

/** SNS did not accept the message even after the SDK's retries. */
export class EmailNotSentError extends ChatOpsError {
  constructor(to: string, awsError: string) {
    super('EMAIL_NOT_SENT', `The approval email to ${to} was not accepted by SNS (${awsError}).`, {
      to,
      awsError,
    });
  }
}

export class SnsEmailChannel implements EmailChannel {
  constructor(private readonly options: { client: SNSClient; topicArn: string }) {}

  async send(email: EmailNotification): Promise<void> {
    const command = new PublishCommand({
      TopicArn: this.options.topicArn,
      Subject: emailSubject(email.subject),
      Message: email.body,
      MessageAttributes: { [APPROVER_ATTRIBUTE]: { DataType: 'String', StringValue: email.to } },
    });
    try {
      const out = await this.options.client.send(command);
      if (!out.MessageId) throw new EmailNotSentError(email.to, 'NoMessageId');
    } catch (error) {
      if (error instanceof EmailNotSentError) throw error;
      throw new EmailNotSentError(email.to, error instanceof Error ? error.name : 'UnknownError');
    }
  }
}
