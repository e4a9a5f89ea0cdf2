/**
 * Lex V2 dialog management for one RecognizeText turn: cancel, a reply to an elicited slot or to a
 * confirmation prompt (with retry prompts up to `MaxRetries`, then the fallback intent, as Lex
 * does), intent switching mid-dialog, or a new request; then the dialog code hook (when enabled)
 * and Lex's next step — elicit the next slot by priority, confirm, decline or fulfil through the
 * fulfillment code hook. Every dialog action a hook returns is honoured.
 */
import { randomUUID } from 'node:crypto';
import type { LexCodeHook } from '../../../handlers/lex/lex-event';
import { plainCopy } from '../../../kernel/plain-copy';
import type { BotModel, IntentModel } from '../bot-model';
import type { NluEngine } from '../nlu/nlu-engine';
import type { ExtractedSlots } from '../nlu/slot-extractor';
import type { RecognizeTextResult, WireMessage, WireSessionState } from '../runtime-types';
import { applySessionState, type DialogSession } from '../session/session-store';
import { type BotIdentity, invokeHook } from './code-hook-events';
import { type NextStep, nextStep, plainText, promptMessage, slotMap } from './dialog-steps';
import { applyHookAnswer } from './hook-outcome';
import { hookCall, speak } from './lex-steps';
import { isCancel, yesOrNo } from './replies';
import { currentIntent, type Turn, turnInterpretations } from './turn';

export const CANCELLED_MESSAGE = 'Okay, I have cancelled that. Nothing was changed.';

export interface DialogManagerOptions {
  model: BotModel;
  nlu: NluEngine;
  bot: BotIdentity;
  codeHook?: LexCodeHook;
}

export class DialogManager {
  constructor(private readonly options: DialogManagerOptions) {}

  /** Runs one turn on `session` (mutated in place) and returns the RecognizeText answer. */
  async recognizeText(
    session: DialogSession,
    text: string,
    requestAttributes?: Record<string, string>,
    requestState?: WireSessionState,
  ): Promise<RecognizeTextResult> {
    if (requestState) applySessionState(session, requestState);
    session.state.originatingRequestId = randomUUID();
    const scores = await this.options.nlu.scores(text);
    const turn: Turn = {
      session,
      text,
      requestAttributes,
      scores,
      chosenScore: scores[0]?.score,
      messages: [],
    };
    const action = session.state.dialogAction?.type;
    const active = session.state.intent && this.options.model.intent(session.state.intent.name);
    if (active && (action === 'ElicitSlot' || action === 'ConfirmIntent') && isCancel(text))
      this.cancel(turn);
    else if (active && action === 'ElicitSlot') await this.slotReply(turn, active);
    else if (active && action === 'ConfirmIntent') await this.confirmationReply(turn, active);
    else await this.newRequest(turn);
    session.messages = turn.messages;
    session.interpretations = turnInterpretations(turn, this.options.model.fallback.name);
    return {
      sessionId: session.sessionId,
      ...(turn.messages.length ? { messages: turn.messages } : {}),
      sessionState: plainCopy(session.state),
      interpretations: session.interpretations,
      ...(requestAttributes ? { requestAttributes } : {}),
    };
  }

  /** Runs Lex's next step for the session's intent without user input (PutSession with Delegate). */
  async delegate(session: DialogSession, requestAttributes?: Record<string, string>): Promise<void> {
    const intent = this.options.model.intent(session.state.intent?.name ?? '');
    if (!intent) return;
    const turn: Turn = { session, text: '', requestAttributes, scores: [], chosenScore: 1, messages: [] };
    await this.advance(turn, intent);
    session.messages = turn.messages;
  }

  private async newRequest(turn: Turn): Promise<void> {
    const { intent, slots } = await this.options.nlu.recognize(turn.text);
    await this.start(turn, intent, slots);
  }

  private async start(turn: Turn, name: string, slots: ExtractedSlots): Promise<void> {
    const intent = this.options.model.intent(name) ?? this.options.model.fallback;
    turn.chosenScore = intent.isFallback
      ? undefined
      : (turn.scores.find((s) => s.intent === name)?.score ?? 1);
    turn.session.attempts = 0;
    turn.session.state.intent = {
      name,
      slots: slotMap(intent, slots),
      state: 'InProgress',
      confirmationState: 'None',
    };
    await this.advance(turn, intent);
  }

  private cancel(turn: Turn): void {
    const intent = turn.session.state.intent;
    if (intent) intent.state = 'Failed';
    turn.session.state.dialogAction = { type: 'Close' };
    turn.messages = [plainText(CANCELLED_MESSAGE)];
  }

  private async slotReply(turn: Turn, intent: IntentModel): Promise<void> {
    const state = currentIntent(turn);
    const slot = intent.slots.find((s) => s.name === turn.session.state.dialogAction?.slotToElicit);
    if (!slot) return this.newRequest(turn);
    if (await this.switched(turn, intent)) return;
    const extracted = this.options.nlu.extract(intent.name, turn.text, { elicitedSlot: slot.name });
    if (extracted[slot.name]) {
      state.slots = slotMap(intent, extracted, state.slots);
      turn.session.attempts = 0;
      turn.chosenScore = 1;
      return this.advance(turn, intent);
    }
    if (await this.switched(turn, intent, true)) return;
    await this.retry(turn, slot.maxRetries, () =>
      promptMessage(slot.prompts, turn.session.attempts, state.slots),
    );
  }

  private async confirmationReply(turn: Turn, intent: IntentModel): Promise<void> {
    const state = currentIntent(turn);
    const answer = yesOrNo(turn.text);
    if (answer) {
      state.confirmationState = answer === 'yes' ? 'Confirmed' : 'Denied';
      turn.session.attempts = 0;
      turn.chosenScore = 1;
      return this.advance(turn, intent);
    }
    if (await this.switched(turn, intent, true)) return;
    const confirmation = intent.confirmation;
    await this.retry(turn, confirmation?.maxRetries ?? 0, () =>
      promptMessage(confirmation?.prompts ?? [], turn.session.attempts, state.slots),
    );
  }

  /** Starts another intent when the reply is one of its sample utterances (or, with `byScore`, clearly it). */
  private async switched(turn: Turn, current: IntentModel, byScore = false): Promise<boolean> {
    const nlu = this.options.nlu;
    const exact = nlu.exactIntent(turn.text);
    const top = turn.scores[0];
    const other = exact ?? (byScore && top && top.score >= nlu.threshold ? top.intent : undefined);
    if (!other || other === current.name) return false;
    await this.start(turn, other, nlu.extract(other, turn.text));
    return true;
  }

  private async retry(turn: Turn, maxRetries: number, prompt: () => WireMessage[]): Promise<void> {
    turn.session.attempts += 1;
    if (turn.session.attempts > maxRetries) return this.start(turn, this.options.model.fallback.name, {});
    turn.chosenScore = 1;
    turn.messages = prompt();
  }

  /** Dialog code hook (when enabled), then whatever it or Lex decides next. */
  private async advance(turn: Turn, intent: IntentModel): Promise<void> {
    const step = nextStep(intent, currentIntent(turn));
    if (!intent.dialogHook || !this.options.codeHook) return this.perform(turn, intent, step);
    const answer = await this.callHook(turn, 'DialogCodeHook', step);
    const next = applyHookAnswer(turn, answer, 'DialogCodeHook', this.options.model);
    if (next) await this.perform(turn, next.intent, next.step);
  }

  private async perform(turn: Turn, intent: IntentModel, step: NextStep): Promise<void> {
    if (step.type !== 'Fulfill') return speak(turn, intent, step);
    currentIntent(turn).state = 'ReadyForFulfillment';
    if (!intent.fulfillmentHook || !this.options.codeHook) {
      turn.session.state.dialogAction = { type: 'Close' };
      return;
    }
    const answer = await this.callHook(turn, 'FulfillmentCodeHook', step);
    applyHookAnswer(turn, answer, 'FulfillmentCodeHook', this.options.model);
  }

  private callHook(turn: Turn, source: 'DialogCodeHook' | 'FulfillmentCodeHook', step: NextStep) {
    const { bot, codeHook, model } = this.options;
    return invokeHook(codeHook as LexCodeHook, hookCall(turn, source, step, bot, model.fallback.name));
  }
}
