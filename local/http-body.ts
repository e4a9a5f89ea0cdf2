/**
 * The one request-body reader of the local HTTP servers (Slack Web API emulator, local Lex runtime,
 * approval server): reads the whole body as UTF-8, refusing more than `limitBytes` so a runaway or
 * hostile client cannot fill the memory of the local stack.
 */
import type { IncomingMessage } from 'node:http';
import { RequestTooLargeError } from './local-errors';

/** The default limit: 1 MiB, above any Slack Web API call or Lex V2 runtime request. */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Reads the whole request body as a UTF-8 string.
 * @throws RequestTooLargeError as soon as the body passes `limitBytes` (the rest is not read)
 */
export async function readBody(req: IncomingMessage, limitBytes = MAX_BODY_BYTES): Promise<string> {
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
