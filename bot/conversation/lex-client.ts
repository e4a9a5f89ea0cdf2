/**
 * The Lex side of a turn: one `RecognizeText` call (the real @aws-sdk/client-lex-runtime-v2 command,
 * against AWS or the local runtime), its answer reduced to what the renderer needs, and its errors
 * mapped to specific, safe messages (error names from
 * https://docs.aws.amazon.com/lexv2/latest/APIReference/API_runtime_RecognizeText.html#API_runtime_RecognizeText_Errors).
 */
import {
  type DialogActionType,
  LexRuntimeV2Client,
  type LexRuntimeV2ClientConfig,
  RecognizeTextCommand,
  type RecognizeTextResponse,
} from '@aws-sdk/client-lex-runtime-v2';
import { ChatOpsError } from '../../handlers/errors';

export interface LexBotRef {
  client: LexRuntimeV2Client;
  botId: string;
  botAliasId: string;
  localeId: string;
}

/** A button Lex itself offered (an `ImageResponseCard`). */
export interface LexCardButton {
  text: string;
  value: string;
}

/** What Lex said, reduced to what the renderer needs. */
export interface LexReply {
  messages: string[];
  cardButtons: LexCardButton[];
  dialogAction?: DialogActionType;
  slotToElicit?: string;
  intentName?: string;
  intentState?: string;
}

/** Lex could not answer; `message` is safe to show and says what to do. */
export class LexUnavailableError extends ChatOpsError {
  constructor(
    readonly lexError: string,
    message: string,
    readonly retryable: boolean,
  ) {
    super('LEX_UNAVAILABLE', message, { lexError, retryable });
  }
}

const MESSAGES: Record<string, { message: string; retryable: boolean }> = {
  ThrottlingException: {
    message: 'Lex is busy right now. Please send that again in a few seconds.',
    retryable: true,
  },
  DependencyFailedException: {
    message:
      'The service behind the bot failed while handling that, so nothing was changed. Please try again.',
    retryable: false,
  },
  BadGatewayException: {
    message: 'The service behind the bot did not answer in time. Please try again in a minute.',
    retryable: false,
  },
  ValidationException: {
    message: 'Lex could not accept that message. Try rephrasing it more simply.',
    retryable: false,
  },
  ConflictException: {
    message: 'Your previous message is still being handled. Wait for its answer, then try again.',
    retryable: false,
  },
};

const UNREACHABLE =
  'I cannot reach the conversation service (Lex) right now, so nothing was done. Please try again shortly.';

/** Maps an SDK or network error to a {@link LexUnavailableError}. */
export function toLexError(error: unknown): LexUnavailableError {
  const name = error instanceof Error ? error.name : 'Unknown';
  const known = MESSAGES[name];
  return new LexUnavailableError(name, known?.message ?? UNREACHABLE, known?.retryable ?? false);
}

/**
 * The Lex runtime client every entry point uses (Lambda worker, local stack, bench), tuned for one
 * command sent many times:
 * - `cacheMiddleware: true` resolves the middleware stack once per command class instead of on
 *   every call (documented SDK client option; nothing here changes the stack afterwards);
 * - the SDK's `loggerMiddleware` is removed: it builds sensitive-filtered copies of every input and
 *   output for the client's `logger` even when that logger is the default no-op
 *   (@aws-sdk/core `loggerMiddleware`), which costs more than the rest of our turn code. We log
 *   Lex failures ourselves, redacted (conversation.service.ts), so nothing is lost.
 */
export function createLexRuntimeClient(config: LexRuntimeV2ClientConfig = {}): LexRuntimeV2Client {
  const client = new LexRuntimeV2Client({ cacheMiddleware: true, ...config });
  client.middlewareStack.remove('loggerMiddleware');
  return client;
}

/** Sends `text` to Lex in `sessionId` with the verified identity as request attributes. */
export async function recognizeText(
  bot: LexBotRef,
  input: { sessionId: string; text: string; requestAttributes: Record<string, string> },
): Promise<LexReply> {
  let response: RecognizeTextResponse;
  try {
    response = await bot.client.send(
      new RecognizeTextCommand({
        botId: bot.botId,
        botAliasId: bot.botAliasId,
        localeId: bot.localeId,
        sessionId: input.sessionId,
        text: input.text,
        requestAttributes: input.requestAttributes,
      }),
    );
  } catch (error) {
    throw toLexError(error);
  }
  return toLexReply(response);
}

/** The reply in a `RecognizeText` response. */
export function toLexReply(response: RecognizeTextResponse): LexReply {
  const messages: string[] = [];
  const cardButtons: LexCardButton[] = [];
  for (const m of response.messages ?? []) {
    if (m.content?.trim()) messages.push(m.content.trim());
    const card = m.imageResponseCard;
    if (card) {
      if (!m.content && card.title) messages.push(card.title);
      for (const b of card.buttons ?? [])
        if (b.text && b.value) cardButtons.push({ text: b.text, value: b.value });
    }
  }
  const state = response.sessionState;
  return {
    messages,
    cardButtons,
    ...(state?.dialogAction?.type ? { dialogAction: state.dialogAction.type } : {}),
    ...(state?.dialogAction?.slotToElicit ? { slotToElicit: state.dialogAction.slotToElicit } : {}),
    ...(state?.intent?.name ? { intentName: state.intent.name } : {}),
    ...(state?.intent?.state ? { intentState: state.intent.state } : {}),
  };
}
