/**
 * Decodes HTTP request bodies the way Slack does: `application/x-www-form-urlencoded` (what
 * @slack/web-api sends, with object-valued arguments such as `blocks` flattened to JSON strings) or
 * `application/json`. Reading the body is ../http-body.ts, shared by every local server.
 */
/** Form fields whose values @slack/web-api JSON-encodes (it stringifies every non-scalar value). */
const JSON_FIELDS = new Set(['blocks', 'attachments', 'view', 'metadata', 'user_auth_blocks']);

/** Decodes a Web API call body into its arguments. Unparseable input yields `{}`. */
export function decodeApiArgs(rawBody: string, contentType: string | undefined): Record<string, unknown> {
  if (!rawBody) return {};
  if ((contentType ?? '').includes('application/json')) {
    try {
      const parsed: unknown = JSON.parse(rawBody);
      return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
        ? (parsed as Record<string, unknown>)
        : {};
    } catch {
      return {};
    }
  }
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(rawBody)) {
    args[key] = JSON_FIELDS.has(key) ? parseJsonOr(value) : value;
  }
  return args;
}

function parseJsonOr(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
