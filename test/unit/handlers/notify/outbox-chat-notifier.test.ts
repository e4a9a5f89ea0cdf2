/**
 * The chat outbox's sender: each ChatNotifier call becomes one SQS message of the exact outbox
 * shape (kind, target, notice, recordAs), its post is marked queued, and an entry without
 * `CHAT_QUEUE_URL` fails at cold start naming the variable.
 */
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { ConfigError } from '../../../../handlers/errors';
import type { ChatNotice } from '../../../../handlers/notify/chat-notifier.port';
import { chatOutboxMessageSchema } from '../../../../handlers/notify/chat-outbox-message';
import { chatOutboxFromEnv, OutboxChatNotifier } from '../../../../handlers/notify/outbox-chat-notifier';

const sqs = mockClient(SQSClient);
const QUEUE_URL = 'https://sqs.us-east-1.amazonaws.com/111111111111/chatops-dev-chat';

const notice: ChatNotice = {
  text: 'Request REQ-5G8H3N7Q needs an approval.',
  fields: [{ label: 'Requested by', value: 'Alice Example' }],
  detail: 'Service Catalog ProvisionProduct of AWS Control Tower Account Factory',
  actions: [
    {
      actionId: 'approval_approve',
      label: 'Approve',
      value: 'REQ-5G8H3N7Q',
      style: 'primary',
      confirm: { title: 'Approve?', text: 'This runs the plan.', confirm: 'Approve', deny: 'Cancel' },
    },
  ],
  mentions: ['UALICE0001'],
};

function sentBodies(): unknown[] {
  return sqs.commandCalls(SendMessageCommand).map((c) => JSON.parse(c.args[0].input.MessageBody ?? ''));
}

describe('OutboxChatNotifier', () => {
  beforeEach(() => {
    sqs.reset();
    sqs.on(SendMessageCommand).resolves({ MessageId: 'b2c3d4e5-0000-4000-8000-000000000001' });
  });

  it('queues a thread post with its origin and returns a queued post in that channel', async () => {
    // Prepare
    const outbox = new OutboxChatNotifier({ client: new SQSClient({}), queueUrl: QUEUE_URL });

    // Act
    const posted = await outbox.postToThread(
      { teamId: 'T0SANDBOX', channelId: 'D0ALICE001', threadTs: '1700000000.000100' },
      { text: 'Request REQ-5G8H3N7Q succeeded.', mentions: ['UALICE0001'] },
    );

    // Assess
    expect(posted).toEqual({ channelId: 'D0ALICE001', ts: '', queued: true });
    expect(sqs.commandCalls(SendMessageCommand).map((c) => c.args[0].input.QueueUrl)).toEqual([QUEUE_URL]);
    expect(sentBodies()).toEqual([
      {
        kind: 'thread',
        target: { teamId: 'T0SANDBOX', channelId: 'D0ALICE001', threadTs: '1700000000.000100' },
        notice: { text: 'Request REQ-5G8H3N7Q succeeded.', mentions: ['UALICE0001'] },
      },
    ]);
  });

  it('queues a channel post with the whole notice and moves recordAs beside it', async () => {
    // Prepare
    const outbox = new OutboxChatNotifier({ client: new SQSClient({}), queueUrl: QUEUE_URL });
    const recordAs = { requestId: 'REQ-5G8H3N7Q', externalId: 'approvalMessage' };

    // Act
    const posted = await outbox.postToChannel('C0APPROVALS', { ...notice, recordAs });

    // Assess
    expect(posted).toEqual({ channelId: 'C0APPROVALS', ts: '', queued: true });
    expect(sentBodies()).toEqual([{ kind: 'channel', target: 'C0APPROVALS', notice, recordAs }]);
  });

  it('queues an update of a remembered message and a direct message', async () => {
    // Prepare
    const outbox = new OutboxChatNotifier({ client: new SQSClient({}), queueUrl: QUEUE_URL });

    // Act
    await outbox.updateMessage(
      { channelId: 'C0APPROVALS', ts: '1700000500.000001' },
      { text: 'Approved by Bob.' },
    );
    const dm = await outbox.directMessage('UALICE0001', { text: 'Your old key is deactivated.' });

    // Assess
    expect(dm).toEqual({ channelId: '', ts: '', queued: true });
    expect(sentBodies()).toEqual([
      {
        kind: 'update',
        target: { channelId: 'C0APPROVALS', ts: '1700000500.000001' },
        notice: { text: 'Approved by Bob.' },
      },
      { kind: 'dm', target: 'UALICE0001', notice: { text: 'Your old key is deactivated.' } },
    ]);
    for (const body of sentBodies()) expect(chatOutboxMessageSchema.safeParse(body).success).toBe(true);
  });

  it('passes a refused SendMessage to the caller', async () => {
    // Prepare
    sqs.on(SendMessageCommand).rejects(Object.assign(new Error('denied'), { name: 'AccessDenied' }));
    const outbox = new OutboxChatNotifier({ client: new SQSClient({}), queueUrl: QUEUE_URL });

    // Act
    const sending = outbox.postToChannel('C0APPROVALS', { text: 'hello' });

    // Assess
    await expect(sending).rejects.toThrow('denied');
  });

  it('refuses to queue what the consumer would drop (an empty text)', async () => {
    // Prepare
    const outbox = new OutboxChatNotifier({ client: new SQSClient({}), queueUrl: QUEUE_URL });

    // Act
    const sending = outbox.postToChannel('C0APPROVALS', { text: '' });

    // Assess
    await expect(sending).rejects.toThrow();
    expect(sqs.commandCalls(SendMessageCommand)).toHaveLength(0);
  });
});

describe('chatOutboxFromEnv', () => {
  it('fails at cold start with a ConfigError naming CHAT_QUEUE_URL when it is not set', () => {
    // Act
    const build = () => chatOutboxFromEnv({ TABLE_NAME: 'chatops-dev' });

    // Assess
    expect(build).toThrow(ConfigError);
    expect(build).toThrow(/CHAT_QUEUE_URL: environment variable is not set/);
  });

  it('sends to the queue the variable names', async () => {
    // Prepare
    sqs.reset();
    sqs.on(SendMessageCommand).resolves({});
    const outbox = chatOutboxFromEnv({ CHAT_QUEUE_URL: QUEUE_URL }, new SQSClient({}));

    // Act
    await outbox.postToChannel('C0PIPELINES', { text: 'web-app succeeded.' });

    // Assess
    expect(sqs.commandCalls(SendMessageCommand)[0]?.args[0].input.QueueUrl).toBe(QUEUE_URL);
  });
});
