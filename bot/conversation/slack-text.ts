/**
 * Slack message text → what a person typed. Slack rewrites text before it reaches apps
 * (https://api.slack.com/reference/surfaces/formatting#retrieving-messages): emails become
 * `<mailto:dana@example.com|dana@example.com>`, links `<https://x|label>`, mentions `<@U123>`, and
 * `&`, `<`, `>` are HTML-escaped. Lex must see `dana@example.com`, not the markup. Hand-written
 * because @slack/bolt and @slack/web-api only ship the escaping direction, and it is a few lines.
 */

/** Lex V2 rejects longer text (RecognizeText `text`: 1–1024 characters). */
export const MAX_UTTERANCE_LENGTH = 1024;

/** `<@BOTID>` / `<@BOTID|name>` patterns per bot user id (one bot per app: compiled once, not per message). */
const mentionPatterns = new Map<string, RegExp>();

function mentionPattern(botUserId: string): RegExp {
  let pattern = mentionPatterns.get(botUserId);
  if (!pattern) {
    pattern = new RegExp(`<@${botUserId}(\\|[^>]*)?>`, 'g');
    mentionPatterns.set(botUserId, pattern);
  }
  return pattern;
}

/**
 * Plain text of a Slack message: links unwrapped to their label, the leading bot mention dropped,
 * entities decoded, whitespace collapsed.
 */
export function toUtterance(text: string | undefined, botUserId?: string): string {
  let out = text ?? '';
  if (botUserId) out = out.replace(mentionPattern(botUserId), ' ');
  out = out.replace(/<(?:mailto:|tel:)?([^>|]+)\|([^>]*)>/g, (_m, _target: string, label: string) => label);
  out = out.replace(/<mailto:([^>]+)>/g, '$1');
  out = out.replace(/<(https?:\/\/[^>]+)>/g, '$1');
  out = out.replace(/<[#@!]([A-Za-z0-9^]+)>/g, '$1');
  out = out.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  return out.replace(/\s+/g, ' ').trim();
}

/** Escapes text for a Slack `mrkdwn` or `plain_text` field (the three characters Slack requires). */
export function escapeSlackText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
