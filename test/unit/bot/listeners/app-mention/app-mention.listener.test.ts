import { appMentionTurn } from '../../../../../bot/listeners/app-mention/app-mention.listener';
import fixture from '../../../../fixtures/slack/event-app-mention.json';

const now = new Date('2024-01-01T00:00:00Z');
const context = { botUserId: 'UCHATOPSBOT' };
const args = (event: Record<string, unknown>) =>
  ({ event, body: { ...fixture, event }, context }) as unknown as Parameters<typeof appMentionTurn>[0];

describe('appMentionTurn', () => {
  it('starts a thread under a top-level mention and drops the mention from the text', () => {
    // Prepare
    const event = fixture.event;

    // Act
    const turn = appMentionTurn(args(event), now);

    // Assess
    expect(turn).toMatchObject({
      id: 'evt:Ev0SANDBOX0002',
      userId: 'UBOB00001',
      channelId: 'C0DEPLOYS',
      text: 'what is the status of payments-api?',
      sessionThreadTs: '1700000100.000200',
      replyThreadTs: '1700000100.000200',
    });
  });

  it('stays in the thread of a mention inside a thread', () => {
    // Prepare
    const event = { ...fixture.event, thread_ts: '1700000050.000001' };

    // Act
    const turn = appMentionTurn(args(event), now);

    // Assess
    expect(turn?.sessionThreadTs).toBe('1700000050.000001');
  });

  it('ignores mentions by bots and edits', () => {
    // Prepare
    const byBot = { ...fixture.event, bot_id: 'B0OTHER' };
    const edited = { ...fixture.event, subtype: 'message_changed' };

    // Act
    const turns = [appMentionTurn(args(byBot), now), appMentionTurn(args(edited), now)];

    // Assess
    expect(turns).toEqual([undefined, undefined]);
  });
});
