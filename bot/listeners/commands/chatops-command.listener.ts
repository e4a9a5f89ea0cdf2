/**
 * `/chatops`: `help` (or nothing) is answered in the acknowledgement itself; `status <id>` and
 * `mine` read the ledger after the ack and answer ephemerally; anything else is an utterance for
 * Lex, and that conversation continues in the user's DM with the bot (where its buttons can be
 * updated after a click).
 */
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { toUtterance } from '../../conversation/slack-text';
import { helpMessage } from '../../render/help';
import type { CommandTurn, UtteranceTurn } from '../../turns/turn';
import type { ListenerContext } from '../listener-context';
import { payloadEnterprise } from '../payload-enterprise';

type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;
type Command = CommandArgs['command'];

/** The acknowledgement of a free-text command typed outside a DM. */
export const CONTINUE_IN_DM = 'On it. I will answer in our direct messages.';

/** What `/chatops <text>` asks for. */
export type ParsedCommand =
  | { kind: 'help' }
  | { kind: 'status'; argument: string }
  | { kind: 'mine' }
  | { kind: 'utterance'; text: string };

/** Splits the command text into a sub-command; free text goes to Lex. */
export function parseCommandText(raw: string): ParsedCommand {
  const text = toUtterance(raw);
  const [first = '', ...rest] = text.split(' ');
  const sub = first.toLowerCase();
  if (sub === '' || (sub === 'help' && rest.length === 0)) return { kind: 'help' };
  if (sub === 'mine' && rest.length === 0) return { kind: 'mine' };
  if (sub === 'status' && rest.length === 1 && rest[0]) return { kind: 'status', argument: rest[0] };
  return { kind: 'utterance', text };
}

function base(command: Command, now: Date) {
  return {
    id: `cmd:${command.trigger_id}`,
    teamId: command.team_id,
    ...payloadEnterprise(command.enterprise_id),
    userId: command.user_id,
    channelId: command.channel_id,
    receivedAt: now.toISOString(),
    ...(command.response_url ? { responseUrl: command.response_url } : {}),
  };
}

/** The turn for a command that needs work after the ack (`undefined` for help). */
export function commandTurn(command: Command, now: Date): CommandTurn | UtteranceTurn | undefined {
  const parsed = parseCommandText(command.text ?? '');
  switch (parsed.kind) {
    case 'help':
      return undefined;
    case 'mine':
      return { ...base(command, now), kind: 'command', command: 'mine', argument: '' };
    case 'status':
      return { ...base(command, now), kind: 'command', command: 'status', argument: parsed.argument };
    case 'utterance':
      return {
        ...base(command, now),
        kind: 'utterance',
        source: 'slash_command',
        text: parsed.text,
        replyInDm: true,
      };
  }
}

/** The Bolt listener. */
export function chatopsCommandListener(ctx: ListenerContext) {
  return async ({ command, ack }: CommandArgs): Promise<void> => {
    const turn = commandTurn(command, ctx.now());
    if (!turn) {
      await ack({ response_type: 'ephemeral', ...helpMessage(ctx.catalog) });
      return;
    }
    const inDm = command.channel_id.startsWith('D');
    if (turn.kind === 'utterance' && !inDm) await ack({ response_type: 'ephemeral', text: CONTINUE_IN_DM });
    else await ack();
    await ctx.dispatcher.dispatch(turn);
  };
}
