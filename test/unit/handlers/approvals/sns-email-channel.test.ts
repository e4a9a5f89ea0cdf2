/**
 * The SNS adapter: exact Publish shape (aws-sdk-client-mock), throttling retried by the SDK's own
 * retry strategy (a real client over a fake HTTP handler answering SNS's query-protocol XML), and
 * the notifier counting only the approvers whose publish SNS accepted.
 */
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { Readable } from 'node:stream';
import { ApprovalNotifier } from '../../../../handlers/approvals/approval-notifier';
import { EmailNotSentError, SnsEmailChannel } from '../../../../handlers/approvals/sns-email-channel';
import { silentLogger } from '../../../../handlers/logger';
import { approvalWorld } from './approval-fixture';

const TOPIC = 'arn:aws:sns:us-east-1:111111111111:chatops-approvals';
const EMAIL = {
  type: 'email' as const,
  to: 'bob@example.com',
  subject: 'Approval needed: VendAccount REQ-5G8H3N7Q',
  body: 'Body',
};

const xml = (status: number, body: string) => ({
  // The shape of @smithy's HttpResponse (checked structurally by the SDK).
  response: {
    statusCode: status,
    headers: { 'content-type': 'text/xml' },
    body: Readable.from([Buffer.from(body)]),
  },
});
const OK =
  '<PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><PublishResult><MessageId>m-1</MessageId></PublishResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></PublishResponse>';
const THROTTLED =
  '<ErrorResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error><RequestId>r</RequestId></ErrorResponse>';

/** A real SNS client whose HTTP layer answers from `answers`, counting attempts. */
function scriptedClient(answers: [number, string][], maxAttempts: number) {
  const state = { attempts: 0 };
  const requestHandler = {
    async handle() {
      const [status, body] = answers[Math.min(state.attempts, answers.length - 1)] ?? [200, OK];
      state.attempts += 1;
      return xml(status, body);
    },
  };
  const client = new SNSClient({
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts,
    requestHandler,
  });
  return { client, state };
}

describe('SnsEmailChannel', () => {
  it('publishes one plain-text message with the approver attribute for the filter policy', async () => {
    // Prepare
    const sns = mockClient(SNSClient);
    sns.on(PublishCommand).resolves({ MessageId: 'm-1' });
    const channel = new SnsEmailChannel({ client: new SNSClient({ region: 'us-east-1' }), topicArn: TOPIC });
    // Act
    await channel.send(EMAIL);
    // Assess
    expect(sns).toHaveReceivedCommandTimes(PublishCommand, 1);
    expect(sns).toHaveReceivedCommandWith(PublishCommand, {
      TopicArn: TOPIC,
      Subject: EMAIL.subject,
      Message: 'Body',
      MessageAttributes: { approver: { DataType: 'String', StringValue: 'bob@example.com' } },
    });
    sns.restore();
  });

  it('lets the SDK retry throttling, then succeeds', async () => {
    // Prepare
    const { client, state } = scriptedClient(
      [
        [400, THROTTLED],
        [400, THROTTLED],
        [200, OK],
      ],
      3,
    );
    const channel = new SnsEmailChannel({ client, topicArn: TOPIC });
    // Act
    await channel.send(EMAIL);
    // Assess
    expect(state.attempts).toBe(3);
  });

  it('reports throttling that outlasts the retries as EMAIL_NOT_SENT with the AWS error name only', async () => {
    // Prepare
    const { client, state } = scriptedClient([[400, THROTTLED]], 2);
    const channel = new SnsEmailChannel({ client, topicArn: TOPIC });
    // Act
    const error = await channel.send(EMAIL).catch((e: unknown) => e);
    // Assess
    expect(state.attempts).toBe(2);
    expect(error).toBeInstanceOf(EmailNotSentError);
    expect(error).toMatchObject({
      code: 'EMAIL_NOT_SENT',
      details: { to: 'bob@example.com', awsError: 'Throttling' },
    });
    expect(String((error as Error).message)).not.toContain('Body');
  });

  it('through the notifier: one Publish per approver, and `notified` counts only accepted publishes', async () => {
    // Prepare
    const sns = mockClient(SNSClient);
    sns
      .on(PublishCommand, {
        MessageAttributes: { approver: { DataType: 'String', StringValue: 'carol@example.com' } },
      })
      .rejects(Object.assign(new Error('Rate exceeded'), { name: 'Throttling' }))
      .on(PublishCommand, {
        MessageAttributes: { approver: { DataType: 'String', StringValue: 'bob@example.com' } },
      })
      .resolves({ MessageId: 'm-bob' });
    const world = approvalWorld();
    const channel = new SnsEmailChannel({ client: new SNSClient({ region: 'us-east-1' }), topicArn: TOPIC });
    const notifier = new ApprovalNotifier({
      config: world.config,
      ledger: world.ledger,
      tokens: world.tokens,
      email: channel,
      chat: world.chat,
      approvalsUrl: 'https://approvals.example.com/approvals',
      logger: silentLogger,
    });
    const request = await world.pending();
    // Act
    const result = await notifier.requestApproval(request);
    // Assess
    expect(sns).toHaveReceivedCommandTimes(PublishCommand, 2);
    expect(result).toEqual({
      notified: ['bob@example.com'],
      failed: ['carol@example.com'],
      postedToChannel: true,
    });
    const bodies = sns.commandCalls(PublishCommand).map((c) => c.args[0].input.Message ?? '');
    expect(
      bodies.every((b) =>
        b.includes(`https://approvals.example.com/approvals/${request.id}?token=v1.${request.id}.`),
      ),
    ).toBe(true);
    expect((await world.ledger.get(request.id))?.status).toBe('PENDING_APPROVAL');
    sns.restore();
  });
});
