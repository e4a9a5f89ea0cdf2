import { directMessageTurn } from '../../../../../bot/listeners/messages/direct-message.listener';
import fixture from '../../../../fixtures/slack/event-message-im.json';
import grid from '../../../../fixtures/slack/event-message-im-grid.json';

const now = new Date('2024-01-01T00:00:00Z');
const context = { botUserId: 'UCHATOPSBOT', teamId: 'T0SANDBOX' };
const args = (event: Record<string, unknown>) =>
  ({ message: event, body: { ...fixture, event }, context }) as unknown as Parameters<
    typeof directMessageTurn
  >[0];

describe('directMessageTurn', () => {
  it('turns a DM into an utterance keyed by the event id', () => {
    // Prepare
    const event = fixture.event;

    // Act
    const turn = directMessageTurn(args(event), now);

    // Assess
    expect(turn).toEqual({
      kind: 'utterance',
      source: 'message',
      id: 'evt:Ev0SANDBOX0001',
      teamId: 'T0SANDBOX',
      userId: 'UALICE0001',
      channelId: 'DALICE0001',
      receivedAt: '2024-01-01T00:00:00.000Z',
      text: 'I need a new sandbox account',
    });
  });

  it('carries the Enterprise Grid organisation of the signed envelope', () => {
    // Prepare
    const gridArgs = {
      message: grid.event,
      body: grid,
      context: { botUserId: 'UCHATOPSBOT' },
    } as unknown as Parameters<typeof directMessageTurn>[0];

    // Act
    const turn = directMessageTurn(gridArgs, now);

    // Assess
    expect(turn).toMatchObject({ teamId: 'T0WORKSPC2', enterpriseId: 'E0GRIDORG1', userId: 'W0ALICE001' });
  });

  it('scopes a reply in a DM thread to that thread', () => {
    // Prepare
    const event = { ...fixture.event, thread_ts: '1699999999.000001' };

    // Act
    const turn = directMessageTurn(args(event), now);

    // Assess
    expect(turn).toMatchObject({ sessionThreadTs: '1699999999.000001', replyThreadTs: '1699999999.000001' });
  });

  it.each([
    ['a bot message', { subtype: 'bot_message', bot_id: 'B0OTHER' }],
    ['an edit', { subtype: 'message_changed' }],
    ['a deletion', { subtype: 'message_deleted' }],
    ['a message with a bot id', { bot_id: 'B0OTHER' }],
    ['the bot’s own message', { user: 'UCHATOPSBOT' }],
    ['a channel message', { channel_type: 'channel', channel: 'C0DEPLOYS' }],
  ])('ignores %s', (_name, change) => {
    // Prepare
    const event = { ...fixture.event, ...change };

    // Act
    const turn = directMessageTurn(args(event), now);

    // Assess
    expect(turn).toBeUndefined();
  });
});
