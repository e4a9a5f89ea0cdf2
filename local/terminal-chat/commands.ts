/**
 * What the person at the terminal typed, parsed (pure). Plain text is a message to the bot; a bare
 * number presses that button; `/as <user>` switches who you are; `/status <id>` and `/mine` are the
 * `/chatops` slash command; `/home` opens the App Home tab; `/help`; `/quit`.
 */
export type ChatCommand =
  | { kind: 'say'; text: string }
  | { kind: 'press'; number: number }
  | { kind: 'as'; user: string }
  | { kind: 'slash'; command: string; text: string }
  | { kind: 'home' }
  | { kind: 'help' }
  | { kind: 'quit' }
  | { kind: 'empty' }
  | { kind: 'unknown'; input: string };

/** Parses one line of input. */
export function parseChatCommand(line: string): ChatCommand {
  const input = line.trim();
  if (!input) return { kind: 'empty' };
  if (/^\d+$/.test(input)) return { kind: 'press', number: Number(input) };
  if (!input.startsWith('/')) return { kind: 'say', text: input };
  const [word = '', ...rest] = input.split(/\s+/);
  const argument = rest.join(' ');
  switch (word.toLowerCase()) {
    case '/as':
      return argument ? { kind: 'as', user: argument } : { kind: 'unknown', input };
    case '/status':
      return { kind: 'slash', command: '/chatops', text: `status ${argument}`.trim() };
    case '/mine':
      return { kind: 'slash', command: '/chatops', text: 'mine' };
    case '/chatops':
      return { kind: 'slash', command: '/chatops', text: argument };
    case '/home':
      return { kind: 'home' };
    case '/help':
      return { kind: 'help' };
    case '/quit':
    case '/exit':
      return { kind: 'quit' };
    default:
      return { kind: 'unknown', input };
  }
}

/** The `/help` text. */
export const HELP_TEXT = [
  'Type a message to talk to the bot as the current user, e.g. "I need a new sandbox account".',
  '  <number>        press the button shown as [number]',
  '  /as <user>      act as alice, bob or carol (bob and carol are approvers)',
  '  /status <id>    /chatops status <id>: the status of a request, e.g. /status REQ-5G8H3N7Q',
  '  /mine           /chatops mine: your requests',
  '  /chatops <text> any /chatops slash command',
  '  /home           open the App Home tab',
  '  /cancel         close a form the app opened (e.g. the reason for a reject)',
  '  /help           this help',
  '  /quit           stop everything (Ctrl-C works too)',
].join('\n');
