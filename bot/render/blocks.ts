/**
 * Lex reply → Block Kit (DESIGN §2 step 5). Enumerated slot values (catalog slot types with
 * `TopResolution`, i.e. a closed list) and Lex response cards become buttons; `ConfirmIntent` becomes
 * Yes/No buttons; long answers are flagged so the runner can put them in a thread. Limits from
 * https://api.slack.com/reference/block-kit/blocks: section text ≤ 3000 characters, ≤ 25 elements in
 * an actions block, ≤ 50 blocks in a message.
 */
import type { IntentRegistry } from '../../intents/registry';
import type { LexReply } from '../conversation/lex-client';
import { escapeSlackText } from '../conversation/slack-text';
import type { Blocks } from '../slack/slack-gateway';
import { CONFIRM_NO_ACTION, CONFIRM_YES_ACTION, encodeChoice, slotValueActionId } from './action-ids';

/** Slack's limit on a section's text. */
export const SECTION_LIMIT = 3000;
/** Replies longer than this (characters or lines) go to a thread. */
export const LONG_REPLY_CHARS = 1500;
export const LONG_REPLY_LINES = 15;
const MAX_BUTTONS = 25;
const MAX_SECTIONS = 45;

export interface RenderedReply {
  /** The notification fallback, escaped for Slack (`&`, `<`, `>`), like every section. */
  text: string;
  blocks: Blocks;
  /** Too long for the channel: the runner posts a summary and the full answer in a thread. */
  long: boolean;
  hasButtons: boolean;
}

/** Sections of mrkdwn text, split at line breaks to fit Slack's section limit. */
export function textSections(text: string): Blocks {
  const pieces = escapeSlackText(text)
    .split('\n')
    .flatMap((line) => (line.length <= SECTION_LIMIT ? [line] : (line.match(/[\s\S]{1,3000}/g) ?? [])));
  const chunks: string[] = [];
  let current: string | undefined;
  for (const piece of pieces) {
    if (current !== undefined && current.length + piece.length + 1 > SECTION_LIMIT) {
      chunks.push(current);
      current = undefined;
    }
    current = current === undefined ? piece : `${current}\n${piece}`;
  }
  if (current?.trim()) chunks.push(current);
  return chunks
    .slice(0, MAX_SECTIONS)
    .map((chunk) => ({ type: 'section', text: { type: 'mrkdwn', text: chunk } }));
}

/** The closed list of values for the slot Lex is asking for, when the catalog has one. */
export function enumeratedValues(catalog: IntentRegistry, intentName?: string, slotName?: string): string[] {
  if (!intentName || !slotName) return [];
  const spec = catalog.get(intentName);
  const slot = spec?.slots.find((s) => s.name === slotName);
  const type = spec?.slotTypes.find((t) => t.name === slot?.type);
  return type?.resolution === 'TopResolution' ? type.values.map((v) => v.value) : [];
}

function choiceButtons(owner: string, choices: { text: string; value: string }[]): Blocks {
  const elements = choices.slice(0, MAX_BUTTONS).map((c, i) => ({
    type: 'button' as const,
    action_id: slotValueActionId(i),
    text: { type: 'plain_text' as const, text: c.text.slice(0, 75) },
    value: encodeChoice({ owner, utterance: c.value }),
  }));
  return [{ type: 'actions', block_id: 'lex_slot_values', elements }];
}

function confirmButtons(owner: string): Blocks {
  const button = (actionId: string, label: string, utterance: string, style?: 'primary') => ({
    type: 'button' as const,
    action_id: actionId,
    text: { type: 'plain_text' as const, text: label },
    value: encodeChoice({ owner, utterance }),
    ...(style ? { style } : {}),
  });
  return [
    {
      type: 'actions',
      block_id: 'lex_confirm',
      elements: [button(CONFIRM_YES_ACTION, 'Yes', 'yes', 'primary'), button(CONFIRM_NO_ACTION, 'No', 'no')],
    },
  ];
}

/** Renders Lex's reply for the conversation of `owner`. */
export function renderLexReply(reply: LexReply, owner: string, catalog: IntentRegistry): RenderedReply {
  const raw = reply.messages.join('\n\n') || 'OK.';
  let buttons: Blocks = [];
  if (reply.dialogAction === 'ConfirmIntent') buttons = confirmButtons(owner);
  else if (reply.cardButtons.length > 0) buttons = choiceButtons(owner, reply.cardButtons);
  else if (reply.dialogAction === 'ElicitSlot') {
    const values = enumeratedValues(catalog, reply.intentName, reply.slotToElicit);
    if (values.length > 0)
      buttons = choiceButtons(
        owner,
        values.map((v) => ({ text: v, value: v })),
      );
  }
  const long =
    buttons.length === 0 && (raw.length > LONG_REPLY_CHARS || raw.split('\n').length > LONG_REPLY_LINES);
  // Lex echoes what users typed (slot values): the fallback `text` is escaped as the sections are,
  // so `<!channel>` or `<http://evil|click>` arrive inert in notifications too.
  const text = escapeSlackText(raw);
  return { text, blocks: [...textSections(raw), ...buttons], long, hasButtons: buttons.length > 0 };
}

/**
 * The channel-side summary of a long reply: its first line and a pointer to the thread. `text` is a
 * {@link RenderedReply.text}, already escaped: it is not escaped again (and a cut never splits an entity).
 */
export function longReplySummary(text: string): { text: string; blocks: Blocks } {
  const line = text.split('\n').find((l) => l.trim()) ?? 'Here is the answer.';
  const first = line.length > 200 ? line.slice(0, 200).replace(/&[a-z]*$/, '') : line;
  const summary = `${first}\n_Full answer in the thread._`;
  return { text: first, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: summary } }] };
}

/** An outcome line under a clicked message, replacing its buttons. */
export function outcomeBlock(outcome: string): Blocks {
  return [{ type: 'context', elements: [{ type: 'mrkdwn', text: outcome }] }];
}
