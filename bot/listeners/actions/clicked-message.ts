/**
 * Shared by the `block_actions` listeners: who clicked what, where, and the clicked message with
 * the clicked buttons removed (so the runner can close it). The de-dup key is the message and the
 * clicking user: a second click by the same user on the same message is dropped, while a click by
 * someone else (refused politely) does not use up the owner's click.
 */
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { ClickedMessage } from '../../turns/turn';
import { payloadEnterprise } from '../payload-enterprise';

export type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

export interface Click {
  id: string;
  teamId: string;
  /** Enterprise Grid organisation of the payload (`enterprise.id`), absent outside Grid. */
  enterpriseId?: string;
  userId: string;
  channelId: string;
  messageTs: string;
  threadTs?: string;
  responseUrl?: string;
  isEphemeral: boolean;
  label: string;
  blocks: unknown[];
  text: string;
}

/** The click in a `block_actions` payload, or `undefined` when it is not a click on a message. */
export function clickFrom(args: Pick<ButtonArgs, 'body' | 'action' | 'context'>): Click | undefined {
  const { body, action } = args;
  const container = body.container as {
    message_ts?: string;
    channel_id?: string;
    is_ephemeral?: boolean;
    thread_ts?: string;
  };
  const channelId = body.channel?.id ?? container.channel_id;
  const messageTs = body.message?.ts ?? container.message_ts;
  // The workspace the click happened in: the interactivity payload's `team.id` (signed by Slack;
  // null for some org-wide Enterprise Grid installs, where Bolt's `context.teamId` or the user's
  // `user.team_id` is what Slack gives; https://docs.slack.dev/reference/interaction-payloads/block_actions-payload).
  // It cannot grant membership by itself: the turn runner also checks the user's own team,
  // enterprise and guest flags from `users.info` (handlers/identity/membership.ts) before an approval.
  const teamId = body.team?.id ?? args.context.teamId ?? body.user.team_id;
  if (!channelId || !messageTs || !teamId) return undefined;
  const threadTs = (body.message?.thread_ts as string | undefined) ?? container.thread_ts;
  return {
    id: `act:${channelId}:${messageTs}:${body.user.id}`,
    teamId,
    ...payloadEnterprise(body.enterprise?.id, args.context.enterpriseId),
    userId: body.user.id,
    channelId,
    messageTs,
    ...(threadTs ? { threadTs } : {}),
    ...(body.response_url ? { responseUrl: body.response_url } : {}),
    isEphemeral: container.is_ephemeral === true,
    label: action.text?.text ?? action.value ?? '',
    blocks: withoutClickedActions(body.message?.blocks, action),
    text: typeof body.message?.text === 'string' ? body.message.text : '',
  };
}

interface MessageBlock {
  type?: string;
  block_id?: string;
  elements?: { action_id?: string }[];
}

/** The message's blocks minus the actions block that was clicked (matched by block id or action id). */
function withoutClickedActions(blocks: unknown, action: ButtonArgs['action']): unknown[] {
  if (!Array.isArray(blocks)) return [];
  return (blocks as MessageBlock[]).filter(
    (b) =>
      b.type !== 'actions' ||
      (b.block_id !== action.block_id && !(b.elements ?? []).some((e) => e.action_id === action.action_id)),
  );
}

/** The clicked message as the runner needs it, with `outcome` replacing the buttons. */
export function clickedMessage(click: Click, outcome: string): ClickedMessage {
  return {
    channelId: click.channelId,
    messageTs: click.messageTs,
    isEphemeral: click.isEphemeral,
    outcome,
    keptBlocks: click.blocks,
    text: click.text,
  };
}

/** The fields every turn born of a click shares: who clicked, where, when, and the response URL. */
export function clickTurnBase(click: Click, now: Date) {
  return {
    id: click.id,
    teamId: click.teamId,
    ...(click.enterpriseId ? { enterpriseId: click.enterpriseId } : {}),
    userId: click.userId,
    channelId: click.channelId,
    receivedAt: now.toISOString(),
    ...(click.responseUrl ? { responseUrl: click.responseUrl } : {}),
  };
}
