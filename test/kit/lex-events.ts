/**
 * Lex V2 code-hook events for handler tests: from a JSON fixture of the real shape (`lexEvent`),
 * or built for any intent and slots (`codeHookEvent`), always with a signed verified identity.
 */
import type { LexCodeHookResponse } from '../../handlers/lex/lex-event';
import { loadFixture } from '../support/fixtures';
import { SANDBOX_USERS, type SandboxUserName, signedForTest, signedIdentity } from './identity';

// Loose JSON shape of a fixture event: tests edit it the way Lex would vary it.
export interface FixtureEvent {
  invocationSource: string;
  inputTranscript: string;
  requestAttributes?: Record<string, string> | null;
  sessionState: {
    sessionAttributes?: Record<string, string>;
    activeContexts?: unknown[];
    intent: { name: string; slots: Record<string, unknown>; confirmationState: string };
  };
  [key: string]: unknown;
}

/** A fixture event, optionally as another sandbox user and with another turn id, signed with the test key. */
export function lexEvent(name: string, as: SandboxUserName = 'alice', turnId?: string): FixtureEvent {
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

export interface CodeHookEventOptions {
  /** Slot name → the value the user gave (absent slots are `null`, as Lex sends them). */
  slots?: Readonly<Record<string, string>>;
  /** Default `FulfillmentCodeHook`. */
  source?: 'DialogCodeHook' | 'FulfillmentCodeHook';
  /** Default `alice`. */
  as?: SandboxUserName;
  /** What the user typed (default: the intent name). */
  transcript?: string;
  confirmationState?: 'None' | 'Confirmed' | 'Denied';
  /** The Slack event id of the turn (the ledger's idempotency key). */
  turnId?: string;
}

/**
 * A Lex V2 code-hook event for `intent`, in the shape Lex sends (session state, interpretations,
 * bot), signed as a verified sandbox Slack user.
 * @example
 * const event = codeHookEvent('ListOuAccounts', { slots: { OrganizationalUnit: 'Security' } });
 */
export function codeHookEvent(intent: string, options: CodeHookEventOptions = {}): FixtureEvent {
  const user = SANDBOX_USERS[options.as ?? 'alice'];
  const slots = Object.fromEntries(Object.entries(options.slots ?? {}).map(([k, v]) => [k, slot(v)]));
  const fulfil = (options.source ?? 'FulfillmentCodeHook') === 'FulfillmentCodeHook';
  const state = {
    name: intent,
    slots,
    state: fulfil ? 'ReadyForFulfillment' : 'InProgress',
    confirmationState: options.confirmationState ?? 'None',
  };
  return {
    messageVersion: '1.0',
    invocationSource: options.source ?? 'FulfillmentCodeHook',
    inputMode: 'Text',
    responseContentType: 'text/plain; charset=utf-8',
    sessionId: `T0SANDBOX.${user.channel}.${user.id}`,
    inputTranscript: options.transcript ?? intent,
    bot: {
      id: 'CHATOPSBOT',
      name: 'ChatOps',
      aliasId: 'TSTALIASID',
      aliasName: 'TestBotAlias',
      localeId: 'en_US',
      version: 'DRAFT',
    },
    interpretations: [{ intent: state, nluConfidence: { score: 0.9 }, interpretationSource: 'Lex' }],
    requestAttributes: signedIdentity(
      options.as ?? 'alice',
      options.turnId ? { turnId: options.turnId } : {},
    ),
    sessionState: { sessionAttributes: {}, activeContexts: [], intent: state },
  };
}

/** A Lex scalar slot as Lex sends it. */
export function slot(value: string) {
  return {
    shape: 'Scalar',
    value: { originalValue: value, interpretedValue: value, resolvedValues: [value] },
  };
}

/** Every message's text, joined with blank lines. */
export function textOf(response: LexCodeHookResponse): string {
  return (response.messages ?? []).map((m) => ('content' in m ? m.content : '')).join('\n\n');
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
