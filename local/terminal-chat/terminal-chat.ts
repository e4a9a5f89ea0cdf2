/**
 * The terminal chat of `npm start`: a node:readline prompt over a {@link ChatSession}. Output that
 * arrives while you type (the bot's replies, emails) is printed above the prompt, and what you were
 * typing is kept. Lines are handled one at a time, in order. Ctrl-C and Ctrl-D quit like `/quit`.
 */
import { createInterface } from 'node:readline';
import type { EmailNotification } from '../notifications';
import type { EmulatedSlackUser } from '../sandbox-users';
import type { SlackSender } from '../slack-emulator/sender';
import type { SlackWebApiEmulator } from '../slack-emulator/web-api';
import { ChatSession } from './chat-session';

export interface TerminalChatOptions {
  emulator: SlackWebApiEmulator;
  sender: SlackSender;
  users: readonly EmulatedSlackUser[];
  /** Called once on /quit, Ctrl-C or Ctrl-D. */
  onQuit: () => void;
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream & { isTTY?: boolean };
}

export interface TerminalChat {
  /** Shows an outgoing email notification above the prompt. */
  notify(notification: EmailNotification): void;
  /** Closes the prompt (does not call onQuit). */
  close(): void;
}

/** Starts the prompt; prints a greeting and the help hint. */
export function startTerminalChat(options: TerminalChatOptions): TerminalChat {
  const output = options.output ?? process.stdout;
  const tty = output.isTTY === true;
  const rl = createInterface({ input: options.input ?? process.stdin, output, terminal: tty });
  let quitting = false;
  // Without a terminal (piped input, transcripts) there is no prompt to redraw: lines are echoed instead.
  const prompt = (preserve = false) => {
    if (tty && !quitting) rl.prompt(preserve);
  };
  const quit = () => {
    if (quitting) return;
    quitting = true;
    options.onQuit();
  };
  const print = (lines: string[]) => {
    if (quitting) return;
    output.write(`${tty ? '\r\x1b[K' : ''}${lines.join('\n')}\n`);
    prompt(true);
  };
  const session = new ChatSession({ ...options, print, onQuit: quit });
  const detach = session.attach();
  let queue = Promise.resolve();
  rl.on('line', (line) => {
    if (!tty) output.write(`${session.prompt()}${line}\n`);
    queue = queue
      .then(() => session.handleLine(line))
      .catch((error: unknown) =>
        print([`(error: ${error instanceof Error ? error.message : String(error)})`]),
      )
      .then(() => {
        rl.setPrompt(session.prompt());
        prompt();
      });
  });
  rl.on('SIGINT', quit);
  rl.on('close', () => void queue.then(quit));
  const user = session.currentUser;
  output.write(
    `ChatOps local stack (offline: Slack emulator, local Lex, DynamoDB Local, sandbox AWS world).\n` +
      `You are ${user.realName} (${user.id}) in your DM with the bot. Type /help for commands.\n`,
  );
  rl.setPrompt(session.prompt());
  prompt();
  return {
    notify: (n) => session.showNotification(n),
    close: () => {
      quitting = true;
      detach();
      rl.close();
    },
  };
}
