/**
 * Display strings that approvers read (issue 9, "Approvers see who really asked"): a requester
 * chooses their own Slack display name, so every such string is stripped of control characters and
 * Slack markup (`<!channel>`, `<@U…>`, `<http://evil|click>`) before it reaches an email, a page or
 * a Slack message, and is always shown after the verified Slack user id and email, marked as a
 * display name.
 */
import type { Requester } from '../ledger/request';

// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g;
const SLACK_MARKUP = /<[^<>]*>/g;

/** One line of plain text: no control or bidi characters, no Slack `<…>` markup, at most `max` chars. */
export function plainDisplay(text: string, max = 200): string {
  return text
    .replace(CONTROL, ' ')
    .replace(SLACK_MARKUP, ' ')
    .replace(/[<>]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, max);
}

/**
 * The requester as approvers see them: verified id and email first, then the self-chosen display
 * name marked as such, e.g. `UALICE0001 (alice@example.com), display name "Alice Example"`.
 */
export function requesterLine(requester: Requester): string {
  const email = requester.email ? ` (${plainDisplay(requester.email, 100)})` : ' (no verified email)';
  const name = requester.name ? plainDisplay(requester.name, 80) : '';
  return `${requester.slackUserId}${email}${name ? `, display name "${name}"` : ''}`;
}
