/**
 * The local stack's approval server: for now a stub page at `GET /approvals/{requestId}` saying
 * that deciding comes with the approvals issue, which replaces this module. Like the real page
 * (DESIGN §2, Approval), GET and HEAD never change anything; there is no way to decide here yet,
 * so POST answers 501. When given a ledger it shows the request's intent, requester and status
 * (read-only). A dozen lines of node:http: a framework would be heavier than the page.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Ledger } from '../handlers/ledger/ledger.port';
import type { ChatOpsRequest } from '../handlers/ledger/request';
import { parseRequestId } from '../handlers/ledger/request-id';

export interface ApprovalServer {
  /** `http://127.0.0.1:P/approvals`: the page for a request is `${url}/${requestId}`. */
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

const SECURITY_HEADERS = {
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'x-robots-tag': 'noindex',
};

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The stub page for one request (pure). */
export function renderStubPage(requestId: string, request?: ChatOpsRequest): string {
  const details = request
    ? `<dl><dt>Intent</dt><dd>${escapeHtml(request.intent)}</dd>` +
      `<dt>Requester</dt><dd>${escapeHtml(request.requester.name ?? request.requester.slackUserId)}</dd>` +
      `<dt>Status</dt><dd>${escapeHtml(request.status)}</dd></dl>`
    : '<p>This request is not in the local ledger.</p>';
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Approval ${escapeHtml(requestId)}</title></head>` +
    `<body><h1>Approval for ${escapeHtml(requestId)}</h1>${details}` +
    '<p>Approving and rejecting from this page come with the approvals issue. ' +
    'Nothing on this page changes anything.</p></body></html>'
  );
}

/** Starts the stub approval server on 127.0.0.1 (a free port unless `port` is given). */
export async function startApprovalServer(
  options: { port?: number; ledger?: Ledger } = {},
): Promise<ApprovalServer> {
  const server = createServer((req, res) => {
    handle(req, res, options.ledger).catch(() => send(res, 500, 'Internal error.', req.method === 'HEAD'));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return { url: `http://127.0.0.1:${port}/approvals`, port, stop: () => close(server) };
}

async function handle(req: IncomingMessage, res: ServerResponse, ledger?: Ledger): Promise<void> {
  const head = req.method === 'HEAD';
  const match = /^\/approvals\/([^/]+)$/.exec(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
  if (!match?.[1]) return send(res, 404, 'Not found.', head);
  if (req.method === 'POST') return send(res, 501, 'Decisions come with the approvals issue.', false);
  if (req.method !== 'GET' && !head)
    return send(res, 405, 'Method not allowed.', false, { allow: 'GET, HEAD' });
  let requestId: string;
  try {
    requestId = parseRequestId(decodeURIComponent(match[1]));
  } catch {
    return send(res, 404, 'No such request.', head);
  }
  const request = ledger ? await ledger.get(requestId) : undefined;
  send(res, 200, renderStubPage(requestId, request), head, { 'content-type': 'text/html; charset=utf-8' });
}

function send(
  res: ServerResponse,
  status: number,
  body: string,
  head: boolean,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS, ...headers });
  res.end(head ? undefined : body);
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
