/**
 * The {@link ChatNotifier} of an entry that has no Slack client wired: every call throws
 * {@link ChatUnavailableError}, which callers log and report (the request itself is kept), so
 * nothing claims a Slack post that never happened.
 */
import { ChatOpsError } from '../../kernel/errors';
import type { ChatNotifier } from './chat-notifier.port';

export class ChatUnavailableError extends ChatOpsError {
  constructor() {
    super('CHAT_UNAVAILABLE', 'No Slack client is configured for this function, so nothing was posted.');
  }
}

const fail = async (): Promise<never> => {
  throw new ChatUnavailableError();
};

export const chatUnavailable: ChatNotifier = {
  postToThread: fail,
  postToChannel: fail,
  updateMessage: fail,
  directMessage: fail,
};
