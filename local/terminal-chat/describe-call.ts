/**
 * Turns a Web API call recorded by the Slack emulator into something to show at the terminal
 * (pure): who it is visible to, the rendered lines, and where its buttons point. Calls that only
 * read (auth.test, users.info, conversations.open, chat.getPermalink) show nothing.
 */
import type { RecordedCall } from '../slack-emulator/call-recorder';
import { type NumberedButton, renderMessage } from './render-blocks';

/** Where pressing a button of a shown message sends the click. */
export interface ButtonTarget {
  channel: string;
  messageTs: string;
  isEphemeral: boolean;
  message?: Record<string, unknown>;
}

export interface ShownCall {
  /** e.g. `chatops`, `chatops (edited)`, `chatops (only you)`, `App Home`. */
  label: string;
  /** The channel shown, when not the current user's DM. */
  channel?: string;
  lines: string[];
  buttons: NumberedButton[];
  target?: ButtonTarget;
}

export interface DescribeContext {
  firstButtonNumber: number;
  userNames: Readonly<Record<string, string>>;
  /** The current user's DM channel (messages there show without a channel label). */
  currentChannel: string;
  /** Looks up a bot message as stored by the emulator. */
  message: (channel: string, ts: string) => Record<string, unknown> | undefined;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

function channelLabel(channel: string, ctx: DescribeContext): string | undefined {
  if (!channel || channel === ctx.currentChannel) return undefined;
  const dmOwner = Object.entries(ctx.userNames).find(([id]) => `D${id.slice(1)}` === channel)?.[1];
  return dmOwner ? `DM with ${dmOwner}` : `#${channel}`;
}

/** What to show for `call`, or undefined when nothing should be shown. */
export function describeCall(call: RecordedCall, ctx: DescribeContext): ShownCall | undefined {
  if (call.injected) return undefined;
  if (!call.result.ok && call.method !== 'response_url') {
    return { label: 'slack', lines: [`(${call.method} failed: ${str(call.result.error)})`], buttons: [] };
  }
  const render = (message: { text?: unknown; blocks?: unknown }, numbered = true) =>
    renderMessage(message, {
      firstButtonNumber: ctx.firstButtonNumber,
      userNames: ctx.userNames,
      numberButtons: numbered,
    });
  switch (call.method) {
    case 'chat.postMessage':
    case 'chat.update': {
      const channel = str(call.result.channel);
      const ts = str(call.result.ts);
      const thread = str(call.args.thread_ts) ? ' (in thread)' : '';
      const label = call.method === 'chat.update' ? 'chatops (edited)' : `chatops${thread}`;
      const shown = render(call.args);
      const message = ctx.message(channel, ts);
      return {
        label,
        channel: channelLabel(channel, ctx),
        ...shown,
        target: { channel, messageTs: ts, isEphemeral: false, message },
      };
    }
    case 'chat.postEphemeral': {
      const channel = str(call.args.channel);
      const who = ctx.userNames[str(call.args.user)] ?? str(call.args.user);
      const target = { channel, messageTs: str(call.result.message_ts), isEphemeral: true };
      return {
        label: `chatops (only ${who} sees this)`,
        channel: channelLabel(channel, ctx),
        ...render(call.args),
        target,
      };
    }
    case 'response_url': {
      const target = {
        channel: ctx.currentChannel,
        messageTs: str(call.args.message_ts) || '0.000000',
        isEphemeral: true,
      };
      return { label: 'chatops (response)', ...render(call.args), target };
    }
    case 'views.publish': {
      const view = (call.args.view ?? {}) as { blocks?: unknown };
      const who = ctx.userNames[str(call.args.user_id)] ?? str(call.args.user_id);
      return { label: `App Home of ${who}`, ...render(view, false) };
    }
    default:
      return undefined;
  }
}
