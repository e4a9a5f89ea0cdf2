/**
 * Builds the events the local runtime sends to the code hook, in the Lex V2 Lambda input shape
 * (https://docs.aws.amazon.com/lexv2/latest/dg/lambda-input-format.html: `nluConfidence` is a plain
 * number there), and checks what the hook returns (lambda-response-format.html). A hook that throws
 * or answers with something Lex would reject becomes a `DependencyFailedException`, as in Lex.
 */

import type { LexCodeHook } from '../../../handlers/lex/lex-event';
import { ChatOpsError } from '../../../kernel/errors';
import { plainCopy } from '../../../kernel/plain-copy';
import type {
  WireDialogAction,
  WireIntent,
  WireInterpretation,
  WireMessage,
  WireSessionState,
} from '../runtime-types';

export interface BotIdentity {
  id: string;
  name: string;
  aliasId: string;
  aliasName: string;
  localeId: string;
  version: string;
}

export interface HookCall {
  source: 'DialogCodeHook' | 'FulfillmentCodeHook';
  bot: BotIdentity;
  sessionId: string;
  inputTranscript: string;
  interpretations: readonly WireInterpretation[];
  requestAttributes: Record<string, string> | undefined;
  sessionState: WireSessionState & { intent: WireIntent };
  proposedNextState?: { dialogAction: WireDialogAction; intent: WireIntent; prompt: { attempt: string } };
}

/** What the hook answered, checked. */
export interface HookAnswer {
  dialogAction: WireDialogAction;
  intent?: WireIntent;
  sessionAttributes?: Record<string, string>;
  messages: WireMessage[];
}

/** The code hook failed or answered with a response Lex would reject (HTTP 424 from RecognizeText). */
export class CodeHookFailedError extends ChatOpsError {
  constructor(problem: string) {
    super('CODE_HOOK_FAILED', `Invalid Lambda Response: ${problem}`, { problem });
  }
}

/** The Lambda input event for `call`. */
export function toLambdaEvent(call: HookCall): Record<string, unknown> {
  return {
    messageVersion: '1.0',
    invocationSource: call.source,
    inputMode: 'Text',
    responseContentType: 'text/plain; charset=utf-8',
    sessionId: call.sessionId,
    inputTranscript: call.inputTranscript,
    bot: { ...call.bot },
    interpretations: call.interpretations.map((i) => ({
      intent: i.intent,
      interpretationSource: i.interpretationSource,
      ...(i.nluConfidence ? { nluConfidence: i.nluConfidence.score } : {}),
    })),
    ...(call.proposedNextState ? { proposedNextState: call.proposedNextState } : {}),
    requestAttributes: call.requestAttributes ?? {},
    sessionState: {
      activeContexts: [],
      ...call.sessionState,
      sessionAttributes: { ...(call.sessionState.sessionAttributes ?? {}) },
    },
  };
}

const ACTIONS = new Set(['Close', 'ConfirmIntent', 'Delegate', 'ElicitIntent', 'ElicitSlot']);

/** Invokes `hook` and validates its answer. */
export async function invokeHook(hook: LexCodeHook, call: HookCall): Promise<HookAnswer> {
  let raw: unknown;
  try {
    raw = await hook(plainCopy(toLambdaEvent(call)));
  } catch (error) {
    const name = error instanceof Error ? error.name : 'Error';
    throw new CodeHookFailedError(`the code hook threw ${name} during ${call.source}`);
  }
  return checkAnswer(raw);
}

function checkAnswer(raw: unknown): HookAnswer {
  const response = raw as { sessionState?: WireSessionState; messages?: unknown } | undefined;
  const state = response?.sessionState;
  const action = state?.dialogAction;
  if (!state || !action || !ACTIONS.has(action.type)) {
    throw new CodeHookFailedError('sessionState.dialogAction.type is missing or invalid');
  }
  if (action.type === 'ElicitSlot' && !action.slotToElicit) {
    throw new CodeHookFailedError('ElicitSlot needs sessionState.dialogAction.slotToElicit');
  }
  if (action.type !== 'ElicitIntent' && !state.intent?.name) {
    throw new CodeHookFailedError(`${action.type} needs sessionState.intent.name`);
  }
  const messages = Array.isArray(response?.messages) ? (response.messages as WireMessage[]) : [];
  if (messages.some((m) => typeof m?.contentType !== 'string')) {
    throw new CodeHookFailedError('every message needs a contentType');
  }
  return {
    dialogAction: action,
    ...(state.intent ? { intent: state.intent } : {}),
    ...(state.sessionAttributes ? { sessionAttributes: state.sessionAttributes } : {}),
    messages,
  };
}
