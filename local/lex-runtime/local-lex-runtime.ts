/**
 * The four Lex V2 runtime operations over in-memory sessions, without HTTP: RecognizeText,
 * GetSession, PutSession, DeleteSession. Checks the bot, alias and locale (404 otherwise) and the
 * input constraints (400), and runs turns of one session one at a time.
 */
import type { LexCodeHook } from '../../handlers/lex/lex-event';
import type { LexBotLocale } from '../../intents/lex-bot-locale';
import { plainCopy } from '../../kernel/plain-copy';
import { type BotModel, compileBotModel } from './bot-model';
import { CodeHookFailedError } from './dialog/code-hook-events';
import { DialogManager } from './dialog/dialog-manager';
import { LexRuntimeError, notFound, validationError } from './http/lex-errors';
import {
  checkMessages,
  checkSessionId,
  checkSessionState,
  checkStringMap,
  checkText,
} from './http/validation';
import { NluEngine } from './nlu/nlu-engine';
import type { RecognizeTextResult, WireInterpretation, WireMessage, WireSessionState } from './runtime-types';
import {
  applySessionState,
  type DialogSession,
  emptySession,
  type SessionKey,
  SessionStore,
} from './session/session-store';

export interface LocalLexRuntimeOptions {
  botLocale: LexBotLocale;
  codeHook?: LexCodeHook;
  botId?: string;
  botAliasId?: string;
  botName?: string;
  idleSessionTtlSeconds?: number;
  /** Clock in epoch milliseconds (tests inject one to expire sessions). */
  now?: () => number;
}

export interface SessionView {
  sessionId: string;
  messages?: WireMessage[];
  interpretations?: WireInterpretation[];
  sessionState: WireSessionState;
}

export interface PutSessionResult {
  sessionId: string;
  sessionState: WireSessionState;
  messages?: WireMessage[];
  requestAttributes?: Record<string, string>;
}

export class LocalLexRuntime {
  readonly botId: string;
  readonly botAliasId: string;
  readonly sessions: SessionStore;
  private readonly queues = new Map<string, Promise<unknown>>();

  private constructor(
    private readonly model: BotModel,
    private readonly dialog: DialogManager,
    options: LocalLexRuntimeOptions,
  ) {
    this.botId = options.botId ?? 'CHATOPSBOT';
    this.botAliasId = options.botAliasId ?? 'TSTALIASID';
    this.sessions = new SessionStore((options.idleSessionTtlSeconds ?? 300) * 1000, options.now);
  }

  /** Compiles the locale and trains the NLU. */
  static async create(options: LocalLexRuntimeOptions): Promise<LocalLexRuntime> {
    const model = compileBotModel(options.botLocale);
    const nlu = await NluEngine.create(model);
    const bot = {
      id: options.botId ?? 'CHATOPSBOT',
      name: options.botName ?? 'ChatOps',
      aliasId: options.botAliasId ?? 'TSTALIASID',
      aliasName: 'TestBotAlias',
      localeId: model.localeId,
      version: 'DRAFT',
    };
    const dialog = new DialogManager({
      model,
      nlu,
      bot,
      ...(options.codeHook ? { codeHook: options.codeHook } : {}),
    });
    return new LocalLexRuntime(model, dialog, options);
  }

  /** RecognizeText. */
  async recognizeText(key: SessionKey, body: Record<string, unknown>): Promise<RecognizeTextResult> {
    checkSessionId(key.sessionId);
    const text = checkText(body.text);
    const requestAttributes = checkStringMap('requestAttributes', body.requestAttributes);
    const state = checkSessionState(body.sessionState, false);
    this.checkResource(key);
    return this.serialised(key, async () => {
      const session = this.sessions.get(key) ?? emptySession(key.sessionId);
      try {
        return await this.dialog.recognizeText(session, text, requestAttributes, state);
      } finally {
        this.sessions.put(key, session);
      }
    });
  }

  /** GetSession (404 for an unknown or expired session). */
  getSession(key: SessionKey): SessionView {
    checkSessionId(key.sessionId);
    this.checkResource(key);
    const session = this.sessions.get(key);
    if (!session) throw notFound(`Session ${key.sessionId}`);
    this.sessions.put(key, session);
    return {
      sessionId: session.sessionId,
      ...(session.messages.length ? { messages: session.messages } : {}),
      interpretations: session.interpretations,
      sessionState: plainCopy(session.state),
    };
  }

  /** PutSession: replaces the session's state (a Delegate action runs Lex's next step at once). */
  async putSession(key: SessionKey, body: Record<string, unknown>): Promise<PutSessionResult> {
    checkSessionId(key.sessionId);
    const state = checkSessionState(body.sessionState, true) as WireSessionState;
    const messages = checkMessages(body.messages);
    const requestAttributes = checkStringMap('requestAttributes', body.requestAttributes);
    this.checkResource(key);
    if (state.intent && !this.model.intent(state.intent.name)) {
      throw validationError(
        'sessionState.intent.name',
        'Member must name an intent of the bot',
        state.intent.name,
      );
    }
    return this.serialised(key, async () => {
      const session = emptySession(key.sessionId);
      applySessionState(session, state);
      session.messages = messages ?? [];
      if (state.dialogAction?.type === 'Delegate' && state.intent) {
        await this.dialog.delegate(session, requestAttributes);
      }
      this.sessions.put(key, session);
      return {
        sessionId: key.sessionId,
        sessionState: plainCopy(session.state),
        ...(session.messages.length ? { messages: session.messages } : {}),
        ...(requestAttributes ? { requestAttributes } : {}),
      };
    });
  }

  /** DeleteSession (404 for an unknown or expired session). */
  deleteSession(key: SessionKey): SessionKey {
    checkSessionId(key.sessionId);
    this.checkResource(key);
    if (!this.sessions.delete(key)) throw notFound(`Session ${key.sessionId}`);
    return { ...key };
  }

  private checkResource(key: SessionKey): void {
    if (key.botId !== this.botId) throw notFound(`Bot ${key.botId}`);
    if (key.botAliasId !== this.botAliasId) throw notFound(`Bot alias ${key.botAliasId} of bot ${key.botId}`);
    if (key.localeId !== this.model.localeId) throw notFound(`Locale ${key.localeId} of bot ${key.botId}`);
  }

  /** Runs `work` after every earlier call on the same session has finished. */
  private async serialised<T>(key: SessionKey, work: () => Promise<T>): Promise<T> {
    const id = JSON.stringify(key);
    const previous = this.queues.get(id) ?? Promise.resolve();
    const run = previous.catch(() => undefined).then(work);
    this.queues.set(id, run);
    try {
      return await run.catch((error: unknown) => {
        throw error instanceof CodeHookFailedError
          ? new LexRuntimeError('DependencyFailedException', error.message)
          : error;
      });
    } finally {
      if (this.queues.get(id) === run) this.queues.delete(id);
    }
  }
}

export type { DialogSession };
