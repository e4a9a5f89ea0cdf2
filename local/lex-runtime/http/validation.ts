/**
 * Input constraints of the Lex V2 runtime API that the local runtime enforces like AWS
 * (https://docs.aws.amazon.com/lexv2/latest/APIReference/API_runtime_RecognizeText.html):
 * `text` 1–1024 characters, `sessionId` 2–100 characters of `[0-9a-zA-Z._:-]`, string maps of strings.
 */
import type { WireMessage, WireSessionState } from '../runtime-types';
import { LexRuntimeError, validationError } from './lex-errors';

export const MAX_TEXT_LENGTH = 1024;
const SESSION_ID = /^[0-9a-zA-Z._:-]+$/;
const ACTIONS = new Set(['Close', 'ConfirmIntent', 'Delegate', 'ElicitIntent', 'ElicitSlot', 'None']);

/** Throws a ValidationException unless `sessionId` is a valid Lex session id. */
export function checkSessionId(sessionId: string): void {
  if (sessionId.length < 2)
    validationFail('sessionId', 'Member must have length greater than or equal to 2', sessionId);
  if (sessionId.length > 100)
    validationFail('sessionId', 'Member must have length less than or equal to 100', sessionId);
  if (!SESSION_ID.test(sessionId)) {
    validationFail(
      'sessionId',
      'Member must satisfy regular expression pattern: [0-9a-zA-Z._:-]+',
      sessionId,
    );
  }
}

function validationFail(field: string, constraint: string, value?: string): never {
  throw validationError(field, constraint, value);
}

/** A JSON object body, or a ValidationException. */
export function parseBody(raw: string): Record<string, unknown> {
  if (!raw.trim()) return {};
  try {
    const body: unknown = JSON.parse(raw);
    if (body && typeof body === 'object' && !Array.isArray(body)) return body as Record<string, unknown>;
  } catch {
    // fall through: reported below
  }
  throw new LexRuntimeError('ValidationException', 'Could not parse the request body as a JSON object.');
}

/** The `text` of a RecognizeText request. */
export function checkText(value: unknown): string {
  if (value === undefined || value === null) validationFail('text', 'Member must not be null');
  if (typeof value !== 'string') validationFail('text', 'Member must be a string');
  if (value.length < 1) validationFail('text', 'Member must have length greater than or equal to 1');
  if (value.length > MAX_TEXT_LENGTH) {
    validationFail('text', `Member must have length less than or equal to ${MAX_TEXT_LENGTH}`);
  }
  return value;
}

/** An optional map of string to string (requestAttributes, sessionAttributes). */
export function checkStringMap(field: string, value: unknown): Record<string, string> | undefined {
  if (value === undefined || value === null) return undefined;
  const ok =
    typeof value === 'object' &&
    !Array.isArray(value) &&
    Object.values(value).every((v) => typeof v === 'string');
  if (!ok) validationFail(field, 'Member must be a map of string to string');
  return { ...(value as Record<string, string>) };
}

/** An optional (or, for PutSession, required) session state. */
export function checkSessionState(value: unknown, required: boolean): WireSessionState | undefined {
  if (value === undefined || value === null) {
    if (required) validationFail('sessionState', 'Member must not be null');
    return undefined;
  }
  if (typeof value !== 'object' || Array.isArray(value))
    validationFail('sessionState', 'Member must be an object');
  const state = value as WireSessionState;
  checkStringMap('sessionState.sessionAttributes', state.sessionAttributes);
  if (state.dialogAction && !ACTIONS.has(state.dialogAction.type)) {
    validationFail(
      'sessionState.dialogAction.type',
      `Member must satisfy enum value set: [${[...ACTIONS].join(', ')}]`,
    );
  }
  if (state.intent && typeof state.intent.name !== 'string') {
    validationFail('sessionState.intent.name', 'Member must not be null');
  }
  return state;
}

/** PutSession's optional messages. */
export function checkMessages(value: unknown): WireMessage[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((m) => typeof m?.contentType !== 'string')) {
    validationFail('messages', 'Member must be a list of messages with a contentType');
  }
  return value as WireMessage[];
}
