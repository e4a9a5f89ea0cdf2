/**
 * The chat outbox's message: one {@link ChatNotifier} call as data, so a core Lambda that cannot
 * reach Slack (handlers/ may not import bot/) can queue it and the Slack side
 * (bot/lambda/chat-outbox.lambda.ts) can make it. `kind` names the call, `target` its first
 * argument, `notice` the notice (without `recordAs`, which travels beside it). Validated with zod on
 * both sides: the sender never queues what the consumer would refuse.
 */
import * as z from 'zod';
import type { ChatNotice } from './chat-notifier.port';

const text = z.string().min(1);

const actionSchema = z
  .object({
    actionId: text,
    label: text,
    value: z.string(),
    style: z.enum(['primary', 'danger']).optional(),
    confirm: z.object({ title: text, text: text, confirm: text, deny: text }).strict().optional(),
  })
  .strict();

/** A {@link ChatNotice} without `recordAs`. */
export const chatNoticeSchema = z
  .object({
    text: text,
    fields: z.array(z.object({ label: z.string(), value: z.string() }).strict()).optional(),
    detail: z.string().optional(),
    actions: z.array(actionSchema).optional(),
    mentions: z.array(z.string()).optional(),
  })
  .strict();

/** Where a posted message is recorded (see `ChatNotice.recordAs`). */
export const recordAsSchema = z
  .object({ requestId: z.string().regex(/^REQ-[0-9A-Z]{8}$/), externalId: text })
  .strict();

const origin = z.object({ teamId: z.string(), channelId: text, threadTs: text.optional() }).strict();
const common = { notice: chatNoticeSchema, recordAs: recordAsSchema.optional() };

/** One queued chat call. */
export const chatOutboxMessageSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('thread'), target: origin, ...common }).strict(),
  z.object({ kind: z.literal('channel'), target: text, ...common }).strict(),
  z
    .object({
      kind: z.literal('update'),
      target: z.object({ channelId: text, ts: text }).strict(),
      ...common,
    })
    .strict(),
  z.object({ kind: z.literal('dm'), target: text, ...common }).strict(),
]);
export type ChatOutboxMessage = z.output<typeof chatOutboxMessageSchema>;

/** The notice without `recordAs` (and without any key the schema does not know). */
export function outboxNotice(notice: ChatNotice): z.output<typeof chatNoticeSchema> {
  const { recordAs: _recordAs, ...rest } = notice;
  return chatNoticeSchema.parse(rest);
}
