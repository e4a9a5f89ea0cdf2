/**
 * The second baseline of the Slack benchmark: a bare Bolt app that does what any Lex-backed Slack
 * bot must do per message and nothing else — one `RecognizeText` through the same SDK client
 * (`createLexRuntimeClient`) to the same local Lex runtime and code hook, then `say` Lex's first
 * message. No identity look-up, de-duplication, rate limit, Block Kit, ledger read or App Home. The
 * gap between this app and the bare echo is the price of the Lex round trip itself; the gap between
 * this app and ChatOps is our framework's own cost.
 */
import { type LexBotRef, recognizeText } from '../../bot/conversation/lex-client';
import { sessionIdFor } from '../../bot/conversation/session-id';
import { REQUEST_ATTRIBUTE_KEYS } from '../../handlers/lex/request-attributes';
import { type EchoApp, type EchoAppOptions, startBareBoltApp } from './echo-app';

/** Starts the Lex echo app on a free loopback port. */
export async function startLexEchoApp(options: EchoAppOptions & { lex: LexBotRef }): Promise<EchoApp> {
  return startBareBoltApp(options, (app) =>
    app.message(async ({ message, body, say }) => {
      if (message.subtype !== undefined || !message.user) return;
      const teamId = body.team_id ?? '';
      const reply = await recognizeText(options.lex, {
        sessionId: sessionIdFor({ teamId, channelId: message.channel, userId: message.user }),
        text: message.text ?? '',
        // The Slack ids the code hook needs to file the request, as the ChatOps app sends them.
        requestAttributes: {
          [REQUEST_ATTRIBUTE_KEYS.teamId]: teamId,
          [REQUEST_ATTRIBUTE_KEYS.userId]: message.user,
          [REQUEST_ATTRIBUTE_KEYS.channelId]: message.channel,
          [REQUEST_ATTRIBUTE_KEYS.turnId]: `evt:${body.event_id}`,
        },
      });
      await say(reply.messages[0] ?? '…');
    }),
  );
}
