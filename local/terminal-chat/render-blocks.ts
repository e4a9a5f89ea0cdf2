/**
 * Block Kit → readable terminal text, as a pure function: sections, headers, fields, context,
 * dividers, rich text and images become lines; buttons become numbered choices (`[1] Yes  [2] No`)
 * whose action id, block id and value are kept so typing the number presses that button.
 * Slack mrkdwn is simplified for a terminal: entities unescaped, `<url|label>` → `label (url)`,
 * `<@U…>` → `@name`, `*bold*` / `_italic_` / `` `code` `` marks dropped, date tokens shown by their
 * fallback, the bot's emoji shortcodes as characters. Block reference: https://api.slack.com/reference/block-kit/blocks
 */

/** A button the user can press by number. */
export interface NumberedButton {
  number: number;
  label: string;
  actionId: string;
  blockId: string;
  value: string;
}

export interface RenderedMessage {
  lines: string[];
  buttons: NumberedButton[];
}

export interface RenderOptions {
  /** Number of the first button (the terminal chat numbers buttons across the session). */
  firstButtonNumber?: number;
  /** Slack user id → name, for `<@U…>` mentions. */
  userNames?: Readonly<Record<string, string>>;
  /** False: show buttons as `[label]` and return none (e.g. App Home views). Default true. */
  numberButtons?: boolean;
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const asString = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The emoji shortcodes the bot uses, as characters (others stay `:name:`). */
const EMOJI: Readonly<Record<string, string>> = {
  hourglass_flowing_sand: '⏳',
  white_check_mark: '✅',
  x: '❌',
  tada: '🎉',
  no_entry: '⛔',
  inbox_tray: '📥',
  heavy_multiplication_x: '✖',
  gear: '⚙',
  double_vertical_bar: '⏸',
  alarm_clock: '⏰',
  warning: '⚠',
};

/** Slack mrkdwn/plain text → terminal text. */
export function mrkdwnToText(text: string, userNames: Readonly<Record<string, string>> = {}): string {
  return text
    .replace(/<!date\^\d+\^[^|>]*\|([^>]+)>/g, '$1')
    .replace(/:([a-z0-9_+-]+):/g, (whole, name: string) => EMOJI[name] ?? whole)
    .replace(
      /<@([UW][A-Z0-9]+)(?:\|([^>]+))?>/g,
      (_, id: string, label?: string) => `@${label ?? userNames[id] ?? id}`,
    )
    .replace(/<#([CGD][A-Z0-9]+)(?:\|([^>]+))?>/g, (_, id: string, label?: string) => `#${label ?? id}`)
    .replace(/<!(here|channel|everyone)>/g, '@$1')
    .replace(/<(https?:[^|>]+)\|([^>]+)>/g, '$2 ($1)')
    .replace(/<(https?:[^>]+)>/g, '$1')
    .replace(/(^|[\s(])\*([^*\n]+)\*(?=$|[\s).,;:!?])/gm, '$1$2')
    .replace(/(^|[\s(])_([^_\n]+)_(?=$|[\s).,;:!?])/gm, '$1$2')
    .replace(/`([^`\n]+)`/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function textOf(obj: unknown, names: Readonly<Record<string, string>>): string {
  return isObject(obj) ? mrkdwnToText(asString(obj.text), names) : '';
}

function richTextOf(elements: unknown[], names: Readonly<Record<string, string>>): string {
  return elements
    .map((el) => {
      if (!isObject(el)) return '';
      if (Array.isArray(el.elements)) return richTextOf(el.elements, names);
      if (el.type === 'user') return `@${names[asString(el.user_id)] ?? asString(el.user_id)}`;
      if (el.type === 'link') return asString(el.text) || asString(el.url);
      return asString(el.text);
    })
    .join('');
}

/** Renders a message (or a view) with `blocks`, falling back to its `text`. */
export function renderMessage(
  message: { text?: unknown; blocks?: unknown },
  options: RenderOptions = {},
): RenderedMessage {
  const names = options.userNames ?? {};
  const lines: string[] = [];
  const buttons: NumberedButton[] = [];
  const nextNumber = () => (options.firstButtonNumber ?? 1) + buttons.length;
  const addButton = (el: Json, blockId: string): string => {
    if (options.numberButtons === false) return `[${textOf(el.text, names)}]`;
    const button: NumberedButton = {
      number: nextNumber(),
      label: textOf(el.text, names),
      actionId: asString(el.action_id),
      blockId,
      value: asString(el.value),
    };
    buttons.push(button);
    return `[${button.number}] ${button.label}`;
  };
  for (const block of asArray(message.blocks)) {
    if (isObject(block)) lines.push(...renderBlock(block, names, addButton));
  }
  if (lines.length === 0 && asString(message.text))
    lines.push(...mrkdwnToText(asString(message.text), names).split('\n'));
  return { lines, buttons };
}

function renderBlock(
  block: Json,
  names: Readonly<Record<string, string>>,
  addButton: (el: Json, blockId: string) => string,
): string[] {
  const blockId = asString(block.block_id);
  switch (block.type) {
    case 'header':
      return [textOf(block.text, names).toUpperCase()];
    case 'section': {
      const out = textOf(block.text, names) ? textOf(block.text, names).split('\n') : [];
      for (const field of asArray(block.fields)) out.push(`  ${textOf(field, names)}`);
      const accessory = block.accessory;
      if (isObject(accessory) && accessory.type === 'button') out.push(addButton(accessory, blockId));
      return out;
    }
    case 'context':
      return [
        asArray(block.elements)
          .map((el) => (isObject(el) && el.type === 'image' ? '' : textOf(el, names)))
          .join(' '),
      ];
    case 'divider':
      return ['────────'];
    case 'actions': {
      const labels = asArray(block.elements)
        .filter((el): el is Json => isObject(el) && el.type === 'button')
        .map((el) => addButton(el, blockId));
      return labels.length ? [labels.join('  ')] : [];
    }
    case 'rich_text':
      return richTextOf(asArray(block.elements), names).split('\n');
    case 'image':
      return [`[image: ${asString(block.alt_text)}]`];
    default:
      return [];
  }
}
