/**
 * The guard of ./request-guard.ts in front of Bolt's HTTPReceiver: POSTs to the events path are
 * buffered here (Bolt then reuses `req.rawBody` instead of reading the stream again:
 * node_modules/@slack/bolt/dist/receivers/HTTPModuleFunctions.js `bufferIncomingMessage`), checked,
 * and answered 400/401 without reaching Bolt when they fail. Everything else passes untouched.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { HTTPReceiver } from '@slack/bolt';
import type { Logger } from '../../handlers/logger';
import { checkSlackRequest } from './request-guard';

/** Bolt's default body limit (10 MB). */
const BODY_LIMIT_BYTES = 10 * 1024 * 1024;

function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > BODY_LIMIT_BYTES) resolve(undefined);
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

const header = (req: IncomingMessage, name: string) => {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/** Wraps `receiver`'s request listener with the guard (before `start()`). */
export function guardHttpReceiver(
  receiver: HTTPReceiver,
  path: string,
  signingSecret: string,
  logger: Pick<Logger, 'warn' | 'error'>,
): void {
  const inner: RequestListener = receiver.requestListener;
  const refuse = (res: ServerResponse, status: number) => {
    res.writeHead(status);
    res.end();
  };
  receiver.requestListener = (req, res) => {
    if (req.method !== 'POST' || new URL(req.url ?? '/', 'http://x').pathname !== path)
      return inner(req, res);
    readBody(req).then(
      (body) => {
        if (!body) return refuse(res, 413);
        const verdict = checkSlackRequest(
          {
            body: body.toString('utf8'),
            contentType: header(req, 'content-type'),
            signature: header(req, 'x-slack-signature'),
            timestamp: header(req, 'x-slack-request-timestamp'),
          },
          signingSecret,
        );
        if (!verdict.ok) {
          logger.warn('Refused a Slack request before Bolt', {
            reason: verdict.reason,
            status: verdict.status,
          });
          return refuse(res, verdict.status);
        }
        (req as IncomingMessage & { rawBody?: Buffer }).rawBody = body;
        try {
          inner(req, res);
        } catch (error) {
          logger.error('Bolt could not handle a Slack request', { error });
          refuse(res, 500);
        }
      },
      (error: unknown) => {
        logger.warn('Could not read a Slack request body', { error });
        refuse(res, 400);
      },
    );
  };
}
