/**
 * The conversation service (DESIGN §2 Turn flow steps 2 and 5): verified Slack identity →
 * Lex `RecognizeText` in the conversation's session → Block Kit in the conversation. A button
 * click arrives here as one more utterance in the same session; its message is closed first.
 * Problems the user can act on are answered specifically and ephemerally; once Lex has answered,
 * nothing here throws (a retry would say the same thing to Lex twice).
 */
import type { ChatOpsConfig } from '../../handlers/config/config.schema';
import type { IdentityKeySource } from '../../handlers/identity/identity-keys';
import { signIdentityAttributes } from '../../handlers/identity/identity-signature';
import { toRequestAttributes } from '../../handlers/lex/request-attributes';
import type { Logger } from '../../handlers/logger';
import type { IntentRegistry } from '../../intents/registry';
import { longReplySummary, type RenderedReply, renderLexReply } from '../render/blocks';
import type { SlackGateway } from '../slack/slack-gateway';
import type { UtteranceTurn } from '../turns/turn';
import type { IdentityResolver } from './identity';
import { type LexBotRef, type LexReply, LexUnavailableError, recognizeText } from './lex-client';
import { ephemeralTarget, type Replies } from './replies';
import type { RequestsService } from './requests.service';
import { sessionIdFor } from './session-id';
import { MAX_UTTERANCE_LENGTH } from './slack-text';

export interface ConversationDeps {
  slack: SlackGateway;
  lex: LexBotRef;
  requests: RequestsService;
  catalog: IntentRegistry;
  config: ChatOpsConfig;
  identities: IdentityResolver;
  replies: Replies;
  logger: Logger;
  /** Signs the identity attributes (DESIGN §5) with the current key. */
  identityKeys: IdentityKeySource;
  now?: () => number;
}

/** Answer to an empty message. */
export const EMPTY_UTTERANCE = 'Tell me what you need, for example _I need a new AWS account_ or _help_.';
/** Answer to a message Lex would refuse for its length. */
export const TOO_LONG = `That message is too long for me (at most ${MAX_UTTERANCE_LENGTH} characters). Please shorten it.`;

/** Runs utterance turns: identity → Lex → Block Kit. */
export class ConversationService {
  constructor(private readonly deps: ConversationDeps) {}

  /** Runs one utterance turn. Throws only before Lex was called (so a retry is safe). */
  async handle(turn: UtteranceTurn): Promise<void> {
    if (turn.clicked) await this.deps.replies.closeClicked(turn, turn.clicked);
    const note = (text: string) =>
      this.deps.replies.ephemeral(ephemeralTarget(turn, turn.replyThreadTs), text);
    if (!turn.text.trim()) return note(EMPTY_UTTERANCE);
    if (turn.text.length > MAX_UTTERANCE_LENGTH) return note(TOO_LONG);
    const channelId = turn.replyInDm ? await this.deps.slack.openDm(turn.userId) : turn.channelId;
    const threadTs = turn.sessionThreadTs ?? turn.replyThreadTs;
    const identity = await this.deps.identities.resolve({
      teamId: turn.teamId,
      userId: turn.userId,
      channelId,
      ...(threadTs ? { threadTs } : {}),
      turnId: turn.id,
      ...(turn.enterpriseId ? { enterpriseId: turn.enterpriseId } : {}),
    });
    const sessionId = sessionIdFor({
      teamId: turn.teamId,
      ...(identity.org?.payloadEnterpriseId || identity.org?.enterpriseId
        ? { enterpriseId: identity.org.payloadEnterpriseId ?? identity.org.enterpriseId }
        : {}),
      channelId,
      userId: turn.userId,
      ...(turn.sessionThreadTs ? { threadTs: turn.sessionThreadTs } : {}),
    });
    const { current } = await this.deps.identityKeys();
    const now = this.deps.now?.() ?? Date.now();
    const requestAttributes = signIdentityAttributes(toRequestAttributes(identity), current, now);
    let reply: LexReply;
    try {
      reply = await recognizeText(this.deps.lex, { sessionId, text: turn.text, requestAttributes });
    } catch (error) {
      const safe = error instanceof LexUnavailableError ? error : undefined;
      this.deps.logger.error('Lex RecognizeText failed', {
        turnId: turn.id,
        lexError: safe?.lexError,
        error,
      });
      return note(safe?.message ?? 'Something went wrong talking to the bot. Please try again.');
    }
    await this.deliver(turn, channelId, renderLexReply(reply, turn.userId, this.deps.catalog));
    if (this.filedRequest(reply)) await this.deps.requests.refreshHome(turn.userId);
  }

  private async deliver(turn: UtteranceTurn, channel: string, rendered: RenderedReply): Promise<void> {
    const threadTs = turn.replyInDm ? undefined : turn.replyThreadTs;
    try {
      if (rendered.long && !threadTs) {
        const summary = longReplySummary(rendered.text);
        const head = await this.deps.slack.postMessage({ channel, ...summary });
        await this.deps.slack.postMessage({
          channel,
          text: rendered.text,
          blocks: rendered.blocks,
          threadTs: head.ts,
        });
        return;
      }
      await this.deps.slack.postMessage({
        channel,
        text: rendered.text,
        blocks: rendered.blocks,
        ...(threadTs ? { threadTs } : {}),
      });
    } catch (error) {
      this.deps.logger.error('Could not post the reply to Slack', { turnId: turn.id, channel, error });
    }
  }

  /** A tracked intent just closed (filed, or failed after filing): App Home may be out of date. */
  private filedRequest(reply: LexReply): boolean {
    const spec = reply.intentName ? this.deps.catalog.get(reply.intentName) : undefined;
    return !!spec?.tracked && reply.dialogAction === 'Close';
  }
}
