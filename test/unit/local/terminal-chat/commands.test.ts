import { parseChatCommand } from '../../../../local/terminal-chat/commands';

describe('parseChatCommand', () => {
  it.each([
    ['I need a new sandbox account', { kind: 'say', text: 'I need a new sandbox account' }],
    ['  2 ', { kind: 'press', number: 2 }],
    ['/as bob', { kind: 'as', user: 'bob' }],
    ['/status REQ-5G8H3N7Q', { kind: 'slash', command: '/chatops', text: 'status REQ-5G8H3N7Q' }],
    ['/mine', { kind: 'slash', command: '/chatops', text: 'mine' }],
    ['/chatops help', { kind: 'slash', command: '/chatops', text: 'help' }],
    ['/home', { kind: 'home' }],
    ['/HELP', { kind: 'help' }],
    ['/quit', { kind: 'quit' }],
    ['', { kind: 'empty' }],
    ['/as', { kind: 'unknown', input: '/as' }],
    ['/dance', { kind: 'unknown', input: '/dance' }],
  ])('parses %j', (line, expected) => {
    // Prepare
    const input = line;

    // Act
    const command = parseChatCommand(input);

    // Assess
    expect(command).toEqual(expected);
  });
});
