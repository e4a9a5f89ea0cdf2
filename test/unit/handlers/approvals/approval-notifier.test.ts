/**
 * Where the approvers' channel message landed is remembered on the request (an audited NOTE),
 * by the notifier itself when the post returns where it landed, and by the chat outbox's consumer
 * (through `recordAs` on the notice) when the post was only queued.
 */
import { ApprovalNotifier } from '../../../../handlers/approvals/approval-notifier';
import { RecordingEmailChannel } from '../../../../handlers/approvals/email-channel.port';
import { silentLogger } from '../../../../handlers/logger';
import {
  type ChatNotice,
  type PostedMessage,
  RecordingChatNotifier,
} from '../../../../handlers/notify/chat-notifier.port';
import { approvalWorld } from './approval-fixture';

/** A chat notifier whose channel posts are only queued (the outbox's contract). */
class QueuedChat extends RecordingChatNotifier {
  override async postToChannel(channelId: string, notice: ChatNotice): Promise<PostedMessage> {
    await super.postToChannel(channelId, notice);
    return { channelId, ts: '', queued: true };
  }
}

function notifierWith(chat: RecordingChatNotifier, world: ReturnType<typeof approvalWorld>) {
  return new ApprovalNotifier({
    config: world.config,
    ledger: world.ledger,
    tokens: world.tokens,
    email: new RecordingEmailChannel(),
    chat,
    approvalsUrl: 'https://approvals.example.com/approvals',
    logger: silentLogger,
  });
}

describe('ApprovalNotifier: the approvers message', () => {
  it('records where an in-process post landed as approvalMessage (audited NOTE)', async () => {
    // Prepare
    const world = approvalWorld();
    const chat = new RecordingChatNotifier();
    const request = await world.pending();

    // Act
    const result = await notifierWith(chat, world).requestApproval(request);

    // Assess
    expect(result.postedToChannel).toBe(true);
    expect((await world.ledger.get(request.id))?.externalIds).toEqual({
      approvalMessage: 'C0APPROVALS/1000.000001',
    });
    expect((await world.ledger.history(request.id)).at(-1)).toMatchObject({
      action: 'NOTE',
      actor: 'system',
    });
  });

  it('puts recordAs on the notice and records nothing itself when the post was only queued', async () => {
    // Prepare
    const world = approvalWorld();
    const chat = new QueuedChat();
    const request = await world.pending();

    // Act
    const result = await notifierWith(chat, world).requestApproval(request);

    // Assess
    expect(result.postedToChannel).toBe(true);
    expect(chat.notices).toEqual([
      expect.objectContaining({
        kind: 'channel',
        channelId: 'C0APPROVALS',
        notice: expect.objectContaining({
          recordAs: { requestId: request.id, externalId: 'approvalMessage' },
        }),
      }),
    ]);
    expect((await world.ledger.get(request.id))?.externalIds).toBeUndefined();
    expect((await world.ledger.history(request.id)).map((e) => e.action)).not.toContain('NOTE');
  });
});
