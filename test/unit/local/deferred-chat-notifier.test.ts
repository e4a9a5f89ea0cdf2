import { RecordingChatNotifier } from '../../../handlers/notify/chat-notifier.port';
import { DeferredChatNotifier, SlackNotBoundError } from '../../../local/deferred-chat-notifier';

describe('DeferredChatNotifier', () => {
  it('refuses with a coded error before the Slack side is bound', async () => {
    // Prepare
    const notifier = new DeferredChatNotifier();
    // Act
    const post = () => notifier.postToChannel('C0APPROVALS', { text: 'hi' });
    // Assess
    await expect(post()).rejects.toThrow(SlackNotBoundError);
    await expect(post()).rejects.toThrow(expect.objectContaining({ code: 'SLACK_NOT_BOUND' }));
  });

  it('forwards every call once bound', async () => {
    // Prepare
    const notifier = new DeferredChatNotifier();
    const target = new RecordingChatNotifier();
    notifier.bind(target);
    // Act
    const posted = await notifier.postToThread(
      { teamId: 'T0SANDBOX', channelId: 'C0PLATFORM' },
      { text: 'a' },
    );
    await notifier.updateMessage(posted, { text: 'b' });
    await notifier.directMessage('UALICE0001', { text: 'c' });
    // Assess
    expect(target.notices.map((n) => n.kind)).toEqual(['thread', 'update', 'dm']);
  });
});
