/**
 * HTML text helpers for the approval page. Hand-written instead of a template library: the page is
 * a handful of fixed elements, and every interpolation goes through {@link escapeHtml}, which is
 * easier to audit in ten lines than a library's auto-escaping rules.
 */

/** Escapes text for HTML element content and (quoted) attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`=]/g, (c) => `&#${c.charCodeAt(0)};`);
}

// C0/C1 control characters and the Unicode bidi overrides/isolates that can make a string read
// differently from what it is (e.g. a name that seems to end in someone else's user id).
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
/** Slack markup: `<!channel>`, `<@U123>`, `<#C123|name>`, `<http://x|label>`. */
const SLACK_MARKUP = /<[!@#][^>]*>|<(?:https?|mailto):[^>]*>/gi;

/**
 * A display string a person chose (a Slack display name), made safe to show as a plain label:
 * Slack markup and control characters stripped, whitespace collapsed, at most 80 characters.
 * Still HTML-escape the result.
 */
export function displayText(text: string): string {
  return text.replace(SLACK_MARKUP, ' ').replace(CONTROL, ' ').replace(/\s+/g, ' ').trim().slice(0, 80);
}

/**
 * A value shown verbatim (a request parameter): control characters made visible as `�` so that
 * nothing hides, everything else kept as typed. Still HTML-escape the result.
 */
export function verbatimText(text: string): string {
  return text.replace(CONTROL, '\ufffd');
}
