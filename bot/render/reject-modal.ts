/**
 * The modal a Reject click opens (https://api.slack.com/surfaces/modals): it asks for the reason
 * (at most 500 characters) and carries, in `private_metadata` (≤ 3000 characters), which request
 * and which message the click came from, so the `view_submission` can decide and update that
 * message. The message's blocks travel along when they fit; otherwise its text stands in for them.
 */
import type { types } from '@slack/bolt';
import * as z from 'zod';
import { parseRequestId } from '../../handlers/ledger/request-id';
import type { ClickedMessage } from '../turns/turn';

export const REJECT_REASON_CALLBACK = 'approval_reject_reason';
export const REASON_BLOCK = 'reason';
export const REASON_INPUT = 'reason_input';
/** Same limit as the approval page's comment. */
export const MAX_REASON_LENGTH = 500;
const MAX_METADATA = 3000;

/** What the modal remembers about the click. */
export interface RejectContext {
  requestId: string;
  /** The clicked message, without its buttons. */
  clicked: Omit<ClickedMessage, 'outcome'>;
}

const metadataSchema = z.object({
  r: z.string(),
  c: z.string().min(1),
  t: z.string().min(1),
  e: z.boolean(),
  x: z.string(),
  k: z.array(z.unknown()),
});

/** `private_metadata` for `context`, within Slack's 3000-character limit. */
export function encodeRejectContext(context: RejectContext): string {
  const { clicked } = context;
  const base = { r: context.requestId, c: clicked.channelId, t: clicked.messageTs, e: clicked.isEphemeral };
  const full = JSON.stringify({ ...base, x: clicked.text.slice(0, 1500), k: clicked.keptBlocks });
  if (full.length <= MAX_METADATA) return full;
  const text = clicked.text.slice(0, 2500);
  const standIn = text ? [{ type: 'section', text: { type: 'plain_text', text, emoji: false } }] : [];
  const short = JSON.stringify({ ...base, x: text, k: standIn });
  return short.length <= MAX_METADATA ? short : JSON.stringify({ ...base, x: '', k: [] });
}

/** The context in `private_metadata`, or `undefined` when it is not one of ours. */
export function decodeRejectContext(metadata: string | undefined): RejectContext | undefined {
  try {
    const parsed = metadataSchema.safeParse(JSON.parse(metadata ?? ''));
    if (!parsed.success) return undefined;
    const m = parsed.data;
    return {
      requestId: parseRequestId(m.r),
      clicked: { channelId: m.c, messageTs: m.t, isEphemeral: m.e, text: m.x, keptBlocks: m.k },
    };
  } catch {
    return undefined;
  }
}

/** The reject modal for `context`. */
export function rejectModal(context: RejectContext): types.ModalView {
  return {
    type: 'modal',
    callback_id: REJECT_REASON_CALLBACK,
    private_metadata: encodeRejectContext(context),
    title: { type: 'plain_text', text: `Reject ${context.requestId}` },
    submit: { type: 'plain_text', text: 'Reject' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: `Reject *${context.requestId}*? A single reject rejects the request; the requester sees your reason.`,
        },
      },
      {
        type: 'input',
        block_id: REASON_BLOCK,
        label: { type: 'plain_text', text: 'Reason' },
        element: {
          type: 'plain_text_input',
          action_id: REASON_INPUT,
          multiline: true,
          max_length: MAX_REASON_LENGTH,
          placeholder: { type: 'plain_text', text: `Why not? (at most ${MAX_REASON_LENGTH} characters)` },
        },
      },
    ],
  };
}
