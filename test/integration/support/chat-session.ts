/**
 * The terminal chat on a local stack's built-in Slack emulator, as `npm start` attaches it: every
 * line the bot shows is appended to `printed`. Throws when the stack has no emulator (real Slack).
 */
import { SANDBOX_USERS } from '../../../local/sandbox-users';
import type { LocalStack } from '../../../local/stack';
import { ChatSession } from '../../../local/terminal-chat/chat-session';

export function attachChat(stack: LocalStack, printed: string[]): ChatSession {
  if (!stack.emulator || !stack.sender) throw new Error('no emulator');
  const session = new ChatSession({
    emulator: stack.emulator,
    sender: stack.sender,
    users: SANDBOX_USERS,
    print: (lines) => printed.push(...lines),
    onQuit: () => {},
  });
  session.attach();
  return session;
}
