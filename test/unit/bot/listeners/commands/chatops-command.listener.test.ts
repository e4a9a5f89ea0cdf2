import {
  commandTurn,
  parseCommandText,
} from '../../../../../bot/listeners/commands/chatops-command.listener';
import fixture from '../../../../fixtures/slack/command-chatops.json';

const now = new Date('2024-01-01T00:00:00Z');

describe('parseCommandText', () => {
  it.each([
    ['', { kind: 'help' }],
    ['help', { kind: 'help' }],
    ['  HELP ', { kind: 'help' }],
    ['mine', { kind: 'mine' }],
    ['status REQ-5G8H3N7Q', { kind: 'status', argument: 'REQ-5G8H3N7Q' }],
    ['status of pipeline web-app', { kind: 'utterance', text: 'status of pipeline web-app' }],
    ['help me rotate my key', { kind: 'utterance', text: 'help me rotate my key' }],
    ['I need a new AWS account', { kind: 'utterance', text: 'I need a new AWS account' }],
  ])('reads %j', (text, expected) => {
    // Prepare / Act
    const parsed = parseCommandText(text);

    // Assess
    expect(parsed).toEqual(expected);
  });
});

describe('commandTurn', () => {
  it('keys the turn on the trigger id and keeps the response URL', () => {
    // Prepare
    const command = fixture as unknown as Parameters<typeof commandTurn>[0];

    // Act
    const turn = commandTurn(command, now);

    // Assess
    expect(turn).toEqual({
      kind: 'command',
      command: 'status',
      argument: 'REQ-5G8H3N7Q',
      id: `cmd:${fixture.trigger_id}`,
      teamId: 'T0SANDBOX',
      userId: 'UALICE0001',
      channelId: 'DALICE0001',
      receivedAt: '2024-01-01T00:00:00.000Z',
      responseUrl: fixture.response_url,
    });
  });

  it('sends free text to Lex, continuing in the DM', () => {
    // Prepare
    const command = {
      ...fixture,
      text: 'rotate my access key',
      channel_id: 'C0DEPLOYS',
    } as unknown as Parameters<typeof commandTurn>[0];

    // Act
    const turn = commandTurn(command, now);

    // Assess
    expect(turn).toMatchObject({
      kind: 'utterance',
      source: 'slash_command',
      text: 'rotate my access key',
      replyInDm: true,
    });
  });

  it('needs no turn for help (answered in the ack)', () => {
    // Prepare
    const command = { ...fixture, text: 'help' } as unknown as Parameters<typeof commandTurn>[0];

    // Act
    const turn = commandTurn(command, now);

    // Assess
    expect(turn).toBeUndefined();
  });
});
