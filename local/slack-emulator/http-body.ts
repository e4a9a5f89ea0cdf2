/**
 * Reads and decodes HTTP request bodies the way Slack does: `application/x-www-form-urlencoded`
 * (what @slack/web-api sends, with object-valued arguments such as `blocks` flattened to JSON
 * strings) or `application/json`. Shared by the Web API emulator and tests.
 */
import type { IncomingMessage } from 'node:http';
import { RequestTooLargeError } from '../local-errors';

/** Form fields whose values @slack/web-api JSON-encodes (it stringifies every non-scalar value). */
const JSON_FIELDS = new Set(['blocks', 'attachments', 'view', 'metadata', 'user_auth_blocks']);

/** Reads the whole request body as a UTF-8 string (bounded to `limitBytes`). */
export async function readBody(req: IncomingMessage, limitBytes = 1_000_000): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limitBytes) throw new RequestTooLargeError(limitBytes);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

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
