/**
 * The chat outbox's consumer on a recorded SQS batch (test/fixtures/events/sqs-chat-outbox-batch.json:
 * an approvers' message with recordAs, a thread post, two malformed messages, an update, a DM):
 * each notice is posted through the Slack adapter over a recording gateway, where the approvers'
 * message landed is recorded on the request (audited NOTE), malformed messages are dropped, and a
 * Slack failure is reported for redelivery. Logs carry ids only.
 */
import type { SQSEvent } from 'aws-lambda';
import { buildOutboxDeps, processOutboxRecords } from '../../../../bot/lambda/chat-outbox.lambda';
import { SlackChatNotifier } from '../../../../bot/slack/slack-chat-notifier';
import { ConfigError } from '../../../../handlers/errors';
import { MemoryLedger } from '../../../../handlers/ledger/memory-ledger';
import type { Logger } from '../../../../handlers/logger';
import { loadFixture } from '../../../support/fixtures';
import { RecordingSlack } from '../../bot/support/recording-slack';

const REQUEST_ID = 'REQ-5G8H3N7Q';

/** A logger that keeps every entry (message and attributes). */
function recordingLogger(): Logger & { entries: { level: string; message: string; attrs: unknown }[] } {
  const entries: { level: string; message: string; attrs: unknown }[] = [];
  const log = (level: string) => (message: string, attrs?: unknown) => {
    entries.push({ level, message, attrs });
  };
  return { entries, debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') } as never;
}

async function world() {
  const ledger = new MemoryLedger({ newId: () => REQUEST_ID });
  await ledger.create({
    intent: 'VendAccount',
    parameters: { AccountName: 'data-lab' },
    requester: {
      slackUserId: 'UALICE0001',
      teamId: 'T0SANDBOX',
      name: 'Alice Example',
      email: 'alice@example.com',
    },
    origin: { teamId: 'T0SANDBOX', channelId: 'DALICE0001', threadTs: '1700000000.000100' },
    idempotencyKey: 'chat-outbox-test',
  });
  const slack = new RecordingSlack();
  const logger = recordingLogger();
  return { ledger, slack, logger, deps: { chat: new SlackChatNotifier(slack), ledger, logger } };
}

const batch = () => loadFixture<SQSEvent>('events/sqs-chat-outbox-batch.json');

describe('chat-outbox.lambda processOutboxRecords', () => {
  it('posts each notice through the Slack adapter, in order, and reports no failure', async () => {
    // Prepare
    const { slack, deps } = await world();

    // Act
    const response = await processOutboxRecords(batch().Records, deps);

    // Assess
    expect(response).toEqual({ batchItemFailures: [] });
    expect(slack.calls.map((c) => c.method)).toEqual([
      'postMessage',
      'postMessage',
      'updateMessage',
      'openDm',
      'postMessage',
    ]);
    const [approval, thread, dm] = slack.of('postMessage');
    expect(approval).toMatchObject({
      channel: 'C0APPROVALS',
      text: '<@UALICE0001> Alice Example asks for VendAccount: approval needed.',
    });
    expect(JSON.stringify(approval?.blocks)).toContain('"action_id":"approval_approve"');
    expect(thread).toMatchObject({ channel: 'DALICE0001', threadTs: '1700000000.000100' });
    expect(slack.of('updateMessage')).toEqual([
      expect.objectContaining({
        channel: 'C0APPROVALS',
        ts: '1700000400.000002',
        text: 'REQ-5G8H3N7Q: approved by Bob Example.',
      }),
    ]);
    expect(slack.of('openDm')).toEqual([{ userId: 'UALICE0001' }]);
    expect(dm).toMatchObject({
      channel: 'DALICE0001',
      text: 'Your old access key of IAM user alice is deactivated.',
    });
  });

  it('records where the approvers message landed on the request, as an audited NOTE', async () => {
    // Prepare
    const { ledger, deps } = await world();

    // Act
    await processOutboxRecords(batch().Records, deps);

    // Assess
    const request = await ledger.get(REQUEST_ID);
    expect(request?.externalIds).toEqual({ approvalMessage: 'C0APPROVALS/1700000500.000001' });
    expect((await ledger.history(REQUEST_ID)).at(-1)).toMatchObject({
      action: 'NOTE',
      actor: 'system',
      toStatus: 'RECEIVED',
    });
  });

  it('drops malformed messages, logging their message id only', async () => {
    // Prepare
    const { logger, deps } = await world();

    // Act
    const response = await processOutboxRecords(batch().Records, deps);

    // Assess
    expect(response.batchItemFailures).toEqual([]);
    const dropped = logger.entries.filter((e) => e.message.startsWith('Dropping'));
    expect(dropped.map((e) => e.attrs)).toEqual([
      { messageId: '3b8f1c1e-6c1a-4a44-9a55-1f0e7a4b00ff' },
      { messageId: '3b8f1c1e-6c1a-4a44-9a55-1f0e7a4b00fe' },
    ]);
  });

  it('reports a message Slack refused for redelivery, and still delivers the others', async () => {
    // Prepare: Slack fails the first post only
    const { slack, ledger, logger, deps } = await world();
    slack.failing.add('postMessage');

    // Act
    const response = await processOutboxRecords(batch().Records, deps);

    // Assess
    expect(response).toEqual({
      batchItemFailures: [{ itemIdentifier: '3b8f1c1e-6c1a-4a44-9a55-1f0e7a4b0001' }],
    });
    expect(slack.of('updateMessage')).toHaveLength(1);
    expect((await ledger.get(REQUEST_ID))?.externalIds).toBeUndefined();
    const failure = logger.entries.find(
      (e) => e.level === 'error' && e.message.startsWith('Slack did not take'),
    );
    expect(failure?.attrs).toEqual({
      messageId: '3b8f1c1e-6c1a-4a44-9a55-1f0e7a4b0001',
      kind: 'channel',
      code: 'INTERNAL',
    });
  });

  it('neither redelivers nor fails when the request of a recordAs is unknown (the post is in Slack)', async () => {
    // Prepare: an empty ledger
    const slack = new RecordingSlack();
    const logger = recordingLogger();

    // Act
    const response = await processOutboxRecords(batch().Records, {
      chat: new SlackChatNotifier(slack),
      ledger: new MemoryLedger(),
      logger,
    });

    // Assess
    expect(response.batchItemFailures).toEqual([]);
    expect(logger.entries.find((e) => e.message.startsWith('posted, but not recorded'))?.attrs).toEqual({
      messageId: '3b8f1c1e-6c1a-4a44-9a55-1f0e7a4b0001',
      requestId: REQUEST_ID,
    });
  });
});

describe('chat-outbox.lambda buildOutboxDeps', () => {
  it('fails at cold start naming the missing variables, never a value', async () => {
    // Act
    const building = buildOutboxDeps({ SLACK_BOT_TOKEN: 'xoxb-not-a-real-token' });

    // Assess
    await expect(building).rejects.toThrow(ConfigError);
    await expect(buildOutboxDeps({ SLACK_BOT_TOKEN: 'xoxb-not-a-real-token' })).rejects.toThrow(
      /TABLE_NAME: environment variable is not set/,
    );
    await expect(buildOutboxDeps({ SLACK_BOT_TOKEN: 'xoxb-not-a-real-token' })).rejects.not.toThrow(/xoxb/);
  });

  it('refuses to start without a bot token (no secret ARN, no SLACK_BOT_TOKEN)', async () => {
    // Act
    const building = buildOutboxDeps({ TABLE_NAME: 'chatops-dev-requests', CHATOPS_CONFIG_FILE: '' });

    // Assess
    await expect(building).rejects.toThrow(/SLACK_/);
  });
});
