import { choiceTurn, NOT_YOUR_BUTTONS } from '../../../../../bot/listeners/actions/choice-turn';
import { encodeChoice } from '../../../../../bot/render/action-ids';
import fixture from '../../../../fixtures/slack/interactivity-block-actions.json';

const now = new Date('2024-01-01T00:00:00Z');

/** The fixture's click, with our action id and button value. */
function click(owner: string, extra: Record<string, unknown> = {}) {
  const value = encodeChoice({ owner, utterance: 'Sandbox' });
  const action = { ...fixture.actions[0], action_id: 'lex_slot_value_0', value };
  const body = { ...structuredClone(fixture), actions: [action], ...extra };
  return { body, action, context: {} } as unknown as Parameters<typeof choiceTurn>[0];
}

describe('choiceTurn', () => {
  it('makes the click an utterance in the owner’s session, keyed by message and user', () => {
    // Prepare
    const args = click('UALICE0001');

    // Act
    const outcome = choiceTurn(args, 'chose', now);

    // Assess
    expect(outcome).toEqual({
      turn: {
        kind: 'utterance',
        source: 'block_actions',
        id: 'act:DALICE0001:1700000001.000001:UALICE0001',
        teamId: 'T0SANDBOX',
        userId: 'UALICE0001',
        channelId: 'DALICE0001',
        receivedAt: '2024-01-01T00:00:00.000Z',
        responseUrl: fixture.response_url,
        text: 'Sandbox',
        clicked: {
          channelId: 'DALICE0001',
          messageTs: '1700000001.000001',
          isEphemeral: false,
          outcome: '<@UALICE0001> chose *Sandbox*',
          keptBlocks: [fixture.message.blocks[0]],
          text: 'Which account type?',
        },
      },
    });
  });

  it('refuses a click on someone else’s conversation', () => {
    // Prepare
    const args = click('UBOB00001');

    // Act
    const outcome = choiceTurn(args, 'chose', now);

    // Assess
    expect(outcome).toEqual({ refuse: NOT_YOUR_BUTTONS });
  });

  it('stays in the thread the buttons were posted in', () => {
    // Prepare
    const args = click('UALICE0001', { message: { ...fixture.message, thread_ts: '1700000000.000100' } });

    // Act
    const outcome = choiceTurn(args, 'chose', now);

    // Assess
    expect(outcome && 'turn' in outcome ? outcome.turn.sessionThreadTs : undefined).toBe('1700000000.000100');
  });

  it('ignores buttons whose value is not ours', () => {
    // Prepare
    const args = click('UALICE0001');
    args.action.value = 'Sandbox';

    // Act
    const outcome = choiceTurn(args, 'chose', now);

    // Assess
    expect(outcome).toBeUndefined();
  });
});

describe('choiceTurn: markup in the clicked label', () => {
  it.each([
    ['<!channel>', '&lt;!channel&gt;'],
    ['<@UCAROL0001>', '&lt;@UCAROL0001&gt;'],
    ['<http://evil.example|click>', '&lt;http://evil.example|click&gt;'],
    ['R&D', 'R&amp;D'],
  ])('echoes %s inert in chat.update, with the clicker as a real mention', (label, escaped) => {
    // Prepare
    const args = click('UALICE0001');
    (args.action as { text: { text: string } }).text = { ...args.action.text, text: label } as never;

    // Act
    const outcome = choiceTurn(args, 'chose', now);

    // Assess
    const turn = outcome && 'turn' in outcome ? outcome.turn : undefined;
    expect(turn?.clicked?.outcome).toBe(`<@UALICE0001> chose *${escaped}*`);
  });
});
