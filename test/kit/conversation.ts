/**
 * A whole conversation through the local Lex V2 runtime, in process (no HTTP, no port): the bot
 * locale built from the deps' catalog, the real code-hook router over the kit's deps, every turn
 * signed as a verified sandbox Slack user. Replies read as text.
 */

import type { AuditEvent, ChatOpsRequest } from '../../handlers/ledger/request';
import { createCodeHook } from '../../handlers/router';
import { toBotLocale } from '../../intents/lex-definition';
import { LocalLexRuntime } from '../../local/lex-runtime/local-lex-runtime';
import type { RecognizeTextResult, WireMessage } from '../../local/lex-runtime/runtime-types';
import { type KitDepsOptions, kitDeps } from './deps';
import { SANDBOX_USERS, type SandboxUserName, signedIdentity } from './identity';

/** One reply: its text, and Lex's view of the dialog after the turn. */
export interface Reply {
  /** Every message; a response card as its title and `[button]` texts. */
  text: string;
  intent?: string;
  /** `ElicitSlot`, `ConfirmIntent`, `Close`, … */
  dialogAction?: string;
  slotToElicit?: string;
  state?: string;
  raw: RecognizeTextResult;
}

export interface Conversation {
  deps: ReturnType<typeof kitDeps>;
  /** One turn as `as` (default the conversation's user); resolves with the bot's reply. */
  say(text: string, as?: SandboxUserName): Promise<Reply>;
  /** The requests `as` filed, newest first. */
  requests(as?: SandboxUserName): Promise<ChatOpsRequest[]>;
  /** A request's audit events, oldest first, as `from → to` plus the action. */
  history(requestId: string): Promise<AuditEvent[]>;
}

/** `say`'s answer for the messages of one turn. */
export function messagesText(messages: readonly WireMessage[] = []): string {
  return messages
    .map((m) => {
      if (m.content) return m.content;
      const card = m.imageResponseCard as { title?: string; buttons?: { text: string }[] } | undefined;
      return [card?.title, ...(card?.buttons ?? []).map((b) => `[${b.text}]`)].filter(Boolean).join(' ');
    })
    .join('\n');
}

/**
 * Starts a conversation as `as` (default alice).
 * @example
 * const chat = await startConversation({ config: testConfig({ examples: { enabled: true } }) });
 * expect((await chat.say('list the accounts in Security')).text).toContain('audit (333333333333)');
 */
export async function startConversation(
  options: KitDepsOptions & { as?: SandboxUserName } = {},
): Promise<Conversation> {
  const deps = kitDeps(options);
  const runtime = await LocalLexRuntime.create({
    botLocale: toBotLocale(deps.catalog),
    codeHook: createCodeHook(deps),
  });
  const me = options.as ?? 'alice';
  let turns = 0;
  return {
    deps,
    async say(text, as = me) {
      turns += 1;
      const user = SANDBOX_USERS[as];
      const raw = await runtime.recognizeText(
        {
          botId: runtime.botId,
          botAliasId: runtime.botAliasId,
          localeId: 'en_US',
          sessionId: `T0SANDBOX.${user.channel}.${user.id}`,
        },
        { text, requestAttributes: signedIdentity(as, { turnId: `EvKIT${turns}` }) },
      );
      const { intent, dialogAction } = raw.sessionState;
      return {
        text: messagesText(raw.messages),
        ...(intent?.name ? { intent: intent.name } : {}),
        ...(intent?.state ? { state: intent.state } : {}),
        ...(dialogAction ? { dialogAction: dialogAction.type } : {}),
        ...(dialogAction?.slotToElicit ? { slotToElicit: dialogAction.slotToElicit } : {}),
        raw,
      };
    },
    async requests(as = me) {
      return (await deps.ledger.listByRequester(SANDBOX_USERS[as].id)).items;
    },
    history: (requestId) => deps.ledger.history(requestId),
  };
}
