/**
 * The HTTP face of the local runtime: the Lex V2 runtime REST paths and wire format
 * (restJson1, as serialised by `@aws-sdk/client-lex-runtime-v2`):
 *   POST   /bots/{botId}/botAliases/{botAliasId}/botLocales/{localeId}/sessions/{sessionId}/text  RecognizeText
 *   GET    …/sessions/{sessionId}   GetSession        POST …/sessions/{sessionId}   PutSession
 *   DELETE …/sessions/{sessionId}   DeleteSession
 * PutSession answers in headers (`x-amz-lex-session-state`, `-messages`, `-request-attributes`:
 * gzip, then base64) with an empty audio body, as AWS does. Errors carry `x-amzn-ErrorType`.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { MAX_BODY_BYTES, readBody } from '../../http-body';
import { RequestTooLargeError } from '../../local-errors';
import type { LocalLexRuntime } from '../local-lex-runtime';
import type { SessionKey } from '../session/session-store';
import { LexRuntimeError } from './lex-errors';
import { parseBody } from './validation';

const ROUTE = /^\/bots\/([^/]+)\/botAliases\/([^/]+)\/botLocales\/([^/]+)\/sessions\/([^/]+)(\/text)?\/?$/;

/** An HTTP server (not yet listening) serving `runtime`. */
export function createLexHttpServer(runtime: LocalLexRuntime): Server {
  return createServer((req, res) => {
    handle(runtime, req, res).catch((error: unknown) => sendError(res, error));
  });
}

async function handle(runtime: LocalLexRuntime, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  const match = ROUTE.exec(path);
  if (!match)
    throw new LexRuntimeError(
      'ResourceNotFoundException',
      `No Lex runtime operation at ${req.method} ${path}.`,
    );
  const [, botId = '', botAliasId = '', localeId = '', sessionId = '', text] = match.map(decodePart);
  const key: SessionKey = { botId, botAliasId, localeId, sessionId };
  const method = req.method ?? 'GET';
  if (text && method === 'POST')
    return sendJson(res, await runtime.recognizeText(key, parseBody(await readLexBody(req))));
  if (text) throw unsupported(method, path);
  if (method === 'GET') return sendJson(res, runtime.getSession(key));
  if (method === 'DELETE') return sendJson(res, runtime.deleteSession(key));
  if (method === 'POST') {
    const result = await runtime.putSession(key, parseBody(await readLexBody(req)));
    const contentType = headerValue(req, 'responsecontenttype') ?? 'text/plain; charset=utf-8';
    res.writeHead(200, {
      'content-type': contentType,
      'x-amzn-requestid': randomUUID(),
      'x-amz-lex-session-id': result.sessionId,
      'x-amz-lex-session-state': packed(result.sessionState),
      ...(result.messages ? { 'x-amz-lex-messages': packed(result.messages) } : {}),
      ...(result.requestAttributes
        ? { 'x-amz-lex-request-attributes': packed(result.requestAttributes) }
        : {}),
    });
    res.end();
    return;
  }
  throw unsupported(method, path);
}

function decodePart(part: string | undefined): string | undefined {
  try {
    return part === undefined ? part : decodeURIComponent(part);
  } catch {
    throw new LexRuntimeError('ValidationException', 'The request path is not valid percent-encoding.');
  }
}

function unsupported(method: string, path: string): LexRuntimeError {
  return new LexRuntimeError(
    'ValidationException',
    `The local Lex runtime does not support ${method} ${path}.`,
  );
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** gzip + base64, as Lex encodes JSON carried in response headers. */
export function packed(value: unknown): string {
  return gzipSync(Buffer.from(JSON.stringify(value))).toString('base64');
}

/** The body, within the size limit; too large is Lex's `ValidationException`, as before. */
async function readLexBody(req: IncomingMessage): Promise<string> {
  try {
    return await readBody(req, MAX_BODY_BYTES);
  } catch (error) {
    if (error instanceof RequestTooLargeError)
      throw new LexRuntimeError('ValidationException', 'The request body is too large.');
    throw error;
  }
}

function sendJson(res: ServerResponse, body: unknown): void {
  const payload = JSON.stringify(body);
  res.writeHead(200, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(payload),
    'x-amzn-requestid': randomUUID(),
  });
  res.end(payload);
}

function sendError(res: ServerResponse, error: unknown): void {
  const lex =
    error instanceof LexRuntimeError
      ? error
      : new LexRuntimeError('InternalServerException', 'The local Lex runtime failed; see its log.');
  if (!(error instanceof LexRuntimeError)) console.error('local Lex runtime error', error);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const payload = JSON.stringify({ message: lex.message });
  res.writeHead(lex.httpStatus, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(payload),
    'x-amzn-errortype': lex.errorType,
    'x-amzn-requestid': randomUUID(),
  });
  res.end(payload);
}
