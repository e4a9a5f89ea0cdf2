/**
 * The local stack's approval server: a thin node:http adapter that turns each request into an API
 * Gateway (REST, proxy) event for the very handler the Lambda entry runs
 * (handlers/approvals/approval-api.ts) and writes its result back. Loopback only. It decides
 * nothing itself: routing, pages, CSRF, statuses and headers are the handler's. It reads bodies with
 * the one local readBody, bounded to what the handler accepts; a longer body gets the handler's 400
 * page without being read further.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import type { ApprovalApiHandler } from '../handlers/approvals/approval-api';
import { renderRefusalPage } from '../handlers/approvals/page/approval-page';
import { MAX_FORM_BYTES } from '../handlers/approvals/page/decision-form';
import { SECURITY_HEADERS } from '../handlers/approvals/page/styles';
import { readBody } from './http-body';
import { RequestTooLargeError } from './local-errors';

export interface ApprovalServer {
  /** `http://127.0.0.1:P/approvals`: the page for a request is `${url}/${requestId}`. */
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

/** Starts the approval server on 127.0.0.1 (a free port unless `port` is given). */
export async function startApprovalServer(options: {
  api: ApprovalApiHandler;
  port?: number;
}): Promise<ApprovalServer> {
  const server = createServer((req, res) => {
    serve(options.api, req, res).catch(() => {
      if (!res.headersSent)
        res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
      res.end('Internal error.');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return { url: `http://127.0.0.1:${port}/approvals`, port, stop: () => close(server) };
}

async function serve(api: ApprovalApiHandler, req: IncomingMessage, res: ServerResponse): Promise<void> {
  let body: string;
  try {
    body = await readBody(req, MAX_FORM_BYTES);
  } catch (error) {
    if (!(error instanceof RequestTooLargeError)) throw error;
    // The handler would refuse it too (page/decision-form.ts); this only stops reading early.
    res.writeHead(400, {
      ...SECURITY_HEADERS,
      'content-type': 'text/html; charset=utf-8',
      connection: 'close',
    });
    res.end(renderRefusalPage(400, 'The form is too large.'));
    return;
  }
  const result = await api(toProxyEvent(req, body));
  writeResult(res, result, req.method === 'HEAD');
}

/** The API Gateway REST proxy event API Gateway would send for this request. */
export function toProxyEvent(req: IncomingMessage, body: string): APIGatewayProxyEvent {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const headers: Record<string, string> = {};
  const multiValueHeaders: Record<string, string[]> = {};
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i] as string;
    const value = req.rawHeaders[i + 1] as string;
    headers[name] = value;
    multiValueHeaders[name] = [...(multiValueHeaders[name] ?? []), value];
  }
  const query: Record<string, string> = {};
  const multiQuery: Record<string, string[]> = {};
  for (const [key, value] of url.searchParams) {
    query[key] = value;
    multiQuery[key] = [...(multiQuery[key] ?? []), value];
  }
  const id = /^\/approvals\/([^/]+)\/?$/.exec(url.pathname)?.[1];
  const method = req.method ?? 'GET';
  const hasQuery = Object.keys(query).length > 0;
  return {
    resource: id ? '/approvals/{id}' : url.pathname,
    path: url.pathname,
    httpMethod: method,
    headers,
    multiValueHeaders,
    queryStringParameters: hasQuery ? query : null,
    multiValueQueryStringParameters: hasQuery ? multiQuery : null,
    pathParameters: id ? { id: safeDecode(id) } : null,
    stageVariables: null,
    body: body.length > 0 ? body : null,
    isBase64Encoded: false,
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      authorizer: undefined,
      protocol: `HTTP/${req.httpVersion}`,
      httpMethod: method,
      identity: localIdentity(
        req.socket.remoteAddress ?? '127.0.0.1',
        headers['User-Agent'] ?? headers['user-agent'] ?? null,
      ),
      path: url.pathname,
      stage: 'local',
      requestId: `local-${Date.now().toString(36)}`,
      requestTimeEpoch: Date.now(),
      resourceId: 'local',
      resourcePath: id ? '/approvals/{id}' : url.pathname,
    },
  };
}

function localIdentity(
  sourceIp: string,
  userAgent: string | null,
): APIGatewayProxyEvent['requestContext']['identity'] {
  return {
    sourceIp,
    userAgent,
    accessKey: null,
    accountId: null,
    apiKey: null,
    apiKeyId: null,
    caller: null,
    clientCert: null,
    cognitoAuthenticationProvider: null,
    cognitoAuthenticationType: null,
    cognitoIdentityId: null,
    cognitoIdentityPoolId: null,
    principalOrgId: null,
    user: null,
    userArn: null,
  };
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function writeResult(res: ServerResponse, result: APIGatewayProxyResult, head: boolean): void {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(result.headers ?? {}))
    headers[name.toLowerCase()] = String(value);
  for (const [name, values] of Object.entries(result.multiValueHeaders ?? {}))
    headers[name.toLowerCase()] = values.map(String).join(', ');
  res.writeHead(result.statusCode, headers);
  if (head) {
    res.end();
    return;
  }
  res.end(result.isBase64Encoded ? Buffer.from(result.body, 'base64') : result.body);
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
