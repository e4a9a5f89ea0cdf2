/** Helpers for code-hook tests: fixture events with a different caller, slots or intent. */
import type { LexCodeHookResponse } from '../../handlers/lex/lex-event';
import { loadFixture } from './fixtures';
import { signedForTest } from './identity';

// Loose JSON shape of a fixture event: tests edit it the way Lex would vary it.
export interface FixtureEvent {
  invocationSource: string;
  inputTranscript: string;
  requestAttributes?: Record<string, string> | null;
  sessionState: {
    sessionAttributes?: Record<string, string>;
    intent: { name: string; slots: Record<string, unknown>; confirmationState: string };
  };
  [key: string]: unknown;
}

export const SANDBOX_USERS = {
  alice: { id: 'UALICE0001', name: 'Alice Example', email: 'alice@example.com', channel: 'D0ALICE001' },
  bob: { id: 'UBOB00001', name: 'Bob Example', email: 'bob@example.com', channel: 'D0BOB00001' },
  carol: { id: 'UCAROL0001', name: 'Carol Example', email: 'carol@example.com', channel: 'D0CAROL001' },
  dave: { id: 'UDAVE00001', name: 'Dave Unlisted', email: 'dave@example.com', channel: 'D0DAVE0001' },
} as const;

/** A fixture event, optionally as another sandbox user and with another turn id, signed with the test key. */
export function lexEvent(
  name: string,
  as: keyof typeof SANDBOX_USERS = 'alice',
  turnId?: string,
): FixtureEvent {
  const event = loadFixture<FixtureEvent>(`lex/${name}.json`);
  const user = SANDBOX_USERS[as];
  event.requestAttributes = signedForTest({
    ...event.requestAttributes,
    'chatops:slackUserId': user.id,
    'chatops:slackUserName': user.name,
    'chatops:slackUserEmail': user.email,
    'chatops:slackChannelId': user.channel,
    ...(turnId ? { 'chatops:turnId': turnId } : {}),
  });
  return event;
}

/** A Lex scalar slot as Lex sends it. */
export function slot(value: string) {
  return {
    shape: 'Scalar',
    value: { originalValue: value, interpretedValue: value, resolvedValues: [value] },
  };
}

/** The first message's text. */
export function messageOf(response: LexCodeHookResponse): string {
  const first = response.messages?.[0];
  return first && 'content' in first ? first.content : '';
}

/** The request id named in a message, if any. */
export function requestIdIn(text: string): string | undefined {
  return /REQ-[0-9A-Z]{8}/.exec(text)?.[0];
}
