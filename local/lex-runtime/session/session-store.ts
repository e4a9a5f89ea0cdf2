/**
 * In-memory Lex sessions with Lex's idle time-out: a session untouched for `idleSessionTtlSeconds`
 * is gone (as after Lex's `IdleSessionTTLInSeconds`, default 300 s). Sessions are keyed by bot,
 * alias, locale and session id, so two sessions never share state. The clock is injectable so
 * tests can expire sessions without waiting.
 */

import { plainCopy } from '../../../kernel/plain-copy';
import type { WireInterpretation, WireMessage, WireSessionState } from '../runtime-types';

export interface DialogSession {
  sessionId: string;
  state: WireSessionState & { sessionAttributes: Record<string, string> };
  /** What the last turn said and understood (returned by GetSession). */
  messages: WireMessage[];
  interpretations: WireInterpretation[];
  /** Failed attempts at the prompt currently shown (slot elicitation or confirmation). */
  attempts: number;
}

export interface SessionKey {
  botId: string;
  botAliasId: string;
  localeId: string;
  sessionId: string;
}

interface Entry {
  session: DialogSession;
  lastActive: number;
}

/** A new, empty session. */
export function emptySession(sessionId: string): DialogSession {
  return { sessionId, state: { sessionAttributes: {} }, messages: [], interpretations: [], attempts: 0 };
}

export class SessionStore {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly idleTtlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The live session for `key`, or undefined when there is none or it has expired. */
  get(key: SessionKey): DialogSession | undefined {
    const id = keyOf(key);
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    if (this.now() - entry.lastActive >= this.idleTtlMs) {
      this.entries.delete(id);
      return undefined;
    }
    return entry.session;
  }

  /** Stores `session` and restarts its idle clock. */
  put(key: SessionKey, session: DialogSession): void {
    this.entries.set(keyOf(key), { session, lastActive: this.now() });
  }

  /** Removes the session; true when a live one existed. */
  delete(key: SessionKey): boolean {
    const existed = this.get(key) !== undefined;
    this.entries.delete(keyOf(key));
    return existed;
  }

  /** Drops every expired session (called periodically so idle sessions do not pile up). */
  sweep(): void {
    const now = this.now();
    for (const [id, entry] of this.entries) {
      if (now - entry.lastActive >= this.idleTtlMs) this.entries.delete(id);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}

function keyOf(key: SessionKey): string {
  return [key.botId, key.botAliasId, key.localeId, key.sessionId].join('\u0000');
}

/** Applies a client-supplied session state (RecognizeText `sessionState`, PutSession) to `session`. */
export function applySessionState(session: DialogSession, state: WireSessionState): void {
  if (state.sessionAttributes) session.state.sessionAttributes = { ...state.sessionAttributes };
  if (state.dialogAction) session.state.dialogAction = { ...state.dialogAction };
  if (state.intent) session.state.intent = plainCopy(state.intent);
  if (state.activeContexts) session.state.activeContexts = plainCopy(state.activeContexts);
  session.attempts = 0;
}
