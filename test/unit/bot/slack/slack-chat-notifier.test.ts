import { SlackChatNotifier } from '../../../../bot/slack/slack-chat-notifier';
import type { ChatNotice } from '../../../../handlers/notify/chat-notifier.port';
import { RecordingSlack } from '../support/recording-slack';

const origin = { teamId: 'T0SANDBOX', channelId: 'C0PLATFORM', threadTs: '1700000000.000100' };

function approvalNotice(): ChatNotice {
  return {
    text: 'Approval needed for <!channel> & friends',
    fields: [{ label: 'Account <name>', value: 'data-lab <@U0EVIL0001>' }],
    detail: 'Service Catalog ProvisionProduct for <https://evil.example|click>',
    actions: [
      {
        actionId: 'approval_approve',
        label: 'Approve',
        value: 'REQ-5G8H3N7Q',
        style: 'primary',
        confirm: { title: 'Approve?', text: 'Create data-lab & go', confirm: 'Approve', deny: 'Cancel' },
      },
      { actionId: 'approval_reject', label: 'Reject', value: 'REQ-5G8H3N7Q', style: 'danger' },
    ],
    mentions: ['UALICE0001', '!here'],
  };
}

describe('SlackChatNotifier', () => {
  it("posts in the request's thread with Block Kit sections, fields, detail and buttons", async () => {
    // Prepare
    const slack = new RecordingSlack();
    const notifier = new SlackChatNotifier(slack);
    // Act
    const posted = await notifier.postToThread(origin, approvalNotice());
    // Assess
    const [call] = slack.of('postMessage');
    expect(posted).toEqual({ channelId: 'C0PLATFORM', ts: '1700000500.000001' });
    expect(call).toMatchObject({ channel: 'C0PLATFORM', threadTs: '1700000000.000100' });
    expect(call?.blocks).toEqual([
      {
        type: 'section',
        text: { type: 'mrkdwn', text: '<@UALICE0001> Approval needed for &lt;!channel&gt; &amp; friends' },
      },
      {
        type: 'section',
        fields: [{ type: 'mrkdwn', text: '*Account &lt;name&gt;*\ndata-lab &lt;@U0EVIL0001&gt;' }],
      },
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: 'Service Catalog ProvisionProduct for &lt;https://evil.example|click&gt;',
        },
      },
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            action_id: 'approval_approve',
            text: { type: 'plain_text', text: 'Approve' },
            value: 'REQ-5G8H3N7Q',
            style: 'primary',
            confirm: {
              title: { type: 'plain_text', text: 'Approve?' },
              text: { type: 'plain_text', text: 'Create data-lab &amp; go' },
              confirm: { type: 'plain_text', text: 'Approve' },
              deny: { type: 'plain_text', text: 'Cancel' },
            },
          },
          {
            type: 'button',
            action_id: 'approval_reject',
            text: { type: 'plain_text', text: 'Reject' },
            value: 'REQ-5G8H3N7Q',
            style: 'danger',
          },
        ],
      },
    ]);
    expect(call?.text).toBe('<@UALICE0001> Approval needed for &lt;!channel&gt; &amp; friends');
  });

  it('posts in the channel when the request has no thread', async () => {
    // Prepare
    const slack = new RecordingSlack();
    const notifier = new SlackChatNotifier(slack);
    // Act
    await notifier.postToThread({ teamId: 'T0SANDBOX', channelId: 'D0ALICE001' }, { text: 'Done.' });
    // Assess
    const [call] = slack.of('postMessage');
    expect(call).toEqual({
      channel: 'D0ALICE001',
      text: 'Done.',
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Done.' } }],
    });
  });

  it('posts to a channel, updates a message and sends a direct message in the DM channel', async () => {
    // Prepare
    const slack = new RecordingSlack();
    const notifier = new SlackChatNotifier(slack);
    // Act
    const inChannel = await notifier.postToChannel('C0APPROVALS', { text: 'New request' });
    await notifier.updateMessage(inChannel, { text: 'Approved by <@UBOB00001>', mentions: ['UBOB00001'] });
    const dm = await notifier.directMessage('UALICE0001', { text: 'Your key is in a secret' });
    // Assess
    expect(slack.of('postMessage')[0]).toMatchObject({ channel: 'C0APPROVALS', text: 'New request' });
    expect(slack.of('updateMessage')[0]).toMatchObject({
      channel: 'C0APPROVALS',
      ts: inChannel.ts,
      text: '<@UBOB00001> Approved by &lt;@UBOB00001&gt;',
    });
    expect(slack.of('openDm')).toEqual([{ userId: 'UALICE0001' }]);
    expect(dm.channelId).toBe('DALICE0001');
    expect(slack.of('postMessage')[1]).toMatchObject({
      channel: 'DALICE0001',
      text: 'Your key is in a secret',
    });
  });

  it('splits more than ten fields into several sections (Slack allows ten per section)', async () => {
    // Prepare
    const slack = new RecordingSlack();
    const fields = Array.from({ length: 12 }, (_, i) => ({ label: `k${i}`, value: `v${i}` }));
    // Act
    await new SlackChatNotifier(slack).postToChannel('C0APPROVALS', { text: 'Many', fields });
    // Assess
    const blocks = slack.of('postMessage')[0]?.blocks as { fields?: unknown[] }[];
    expect(blocks.map((b) => b.fields?.length)).toEqual([undefined, 10, 2]);
  });
});
