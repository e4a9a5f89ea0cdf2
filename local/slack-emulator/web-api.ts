/**
 * A loopback Slack Web API for the offline stack and the tests: `POST /api/<method>` answered by an
 * in-memory workspace (./workspace.ts), with every call recorded (./call-recorder.ts). Give its
 * `url` to Bolt as `clientOptions.slackApiUrl`.
 *
 * Hand-written because no maintained library emulates Slack's Web API; the surface is small and
 * the shapes follow https://api.slack.com/methods. Wire details that matter to @slack/web-api 8:
 * it POSTs `application/x-www-form-urlencoded` with `Authorization: Bearer <token>` and JSON-encoded
 * object arguments; on HTTP 429 it reads `Retry-After` (seconds), pauses its queue that long and
 * retries (node_modules/@slack/web-api/dist/WebClient.js, makeRequest / parseRetryHeaders), unless
 * `rejectRateLimitedCalls` is set. Bolt's `respond()` posts JSON to the `response_url` of an
 * interaction: the emulator serves those at `POST /response/<id>` and records them as method
 * `response_url`. With an app-level token it is also Slack's Socket Mode endpoint (./socket-mode.ts).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readBody } from '../http-body';
import type { EmulatedSlackUser } from '../sandbox-users';
import { type CallListener, type CallPredicate, CallRecorder, type RecordedCall } from './call-recorder';
import { decodeApiArgs } from './http-body';
import { SocketModeHub } from './socket-mode';
import { type ApiArgs, type ApiResult, EmulatedWorkspace } from './workspace';

export type { RecordedCall } from './call-recorder';
export { SlackEmulatorStoppedError, SlackEmulatorTimeoutError } from './call-recorder';
export { dmChannelFor } from './workspace';

export interface SlackWebApiOptions {
  /** Port on 127.0.0.1; 0 or absent picks a free one. */
  port?: number;
  /** The only token accepted (others get `invalid_auth`). Never recorded or logged. */
  botToken: string;
  teamId: string;
  botUserId: string;
  botId: string;
  users: readonly EmulatedSlackUser[];
  /**
   * An app-level token (`xapp-…`): enables Socket Mode (`apps.connections.open` and the WebSocket
   * on this port, ./socket-mode.ts). Never recorded or logged.
   */
  appToken?: string;
  /** The app id Socket Mode's `hello` names (default `A0SANDBOX`). */
  apiAppId?: string;
}

/** How the next call to a method fails (default: HTTP 429 with `Retry-After: 1`). */
export interface InjectedFailure {
  status?: number;
  retryAfterSeconds?: number;
  /** The `error` in the body (default `ratelimited` for 429, else `internal_error`). */
  error?: string;
}

export interface SlackWebApiEmulator {
  /** `http://127.0.0.1:P/api/`: what `clientOptions.slackApiUrl` takes. */
  readonly url: string;
  /** `http://127.0.0.1:P/response/`: prefix for the `response_url` of simulated interactions. */
  readonly responseUrlBase: string;
  readonly port: number;
  /** Every call so far, oldest first (including injected failures, flagged `injected`). */
  readonly calls: RecordedCall[];
  /** Calls `listener` for each future call; returns the unsubscribe function. */
  onCall(listener: CallListener): () => void;
  /** The first past or future non-injected call to `method` matching `predicate`. */
  waitForCall(method: string, predicate?: CallPredicate, timeoutMs?: number): Promise<RecordedCall>;
  /** Forgets recorded calls (the workspace's messages stay). */
  clear(): void;
  /** Makes the next call to `method` fail as described. */
  failNext(method: string, failure?: InjectedFailure): void;
  /** Slack's Socket Mode side, when `appToken` was given. */
  readonly socketMode: SocketModeHub | undefined;
  /** A bot message as last posted/updated, for rendering interactions. */
  message(channel: string, ts: string): Record<string, unknown> | undefined;
  /** A modal the app opened with `views.open`, by view id. */
  view(id: string): Record<string, unknown> | undefined;
  /** Closes the server (and open connections) and rejects pending waits. */
  stop(): Promise<void>;
}

/** Starts the loopback Slack Web API. @returns once it is listening. */
export async function startSlackWebApi(opts: SlackWebApiOptions): Promise<SlackWebApiEmulator> {
  const workspace = new EmulatedWorkspace(opts);
  const recorder = new CallRecorder();
  const failures = new Map<string, InjectedFailure[]>();
  /** Set once listening (Socket Mode URLs name it). */
  let port = 0;
  const server = createServer((req, res) => {
    handle(req, res).catch(() => send(res, 500, { ok: false, error: 'internal_error' }));
  });
  const socketMode = opts.appToken
    ? new SocketModeHub(opts.appToken, opts.apiAppId ?? 'A0SANDBOX')
    : undefined;
  server.on('upgrade', (req, socket, head) => {
    if (socketMode) socketMode.handleUpgrade(req, socket, head);
    else socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (req.method !== 'POST') return send(res, 405, { ok: false, error: 'method_not_allowed' });
    const raw = await readBody(req);
    const args = decodeApiArgs(raw, req.headers['content-type']);
    if (path.startsWith('/response/')) {
      const result = { ok: true };
      recorder.record({
        method: 'response_url',
        args: { ...args, response_url: path },
        at: Date.now(),
        result,
        injected: false,
      });
      return send(res, 200, result);
    }
    if (!path.startsWith('/api/')) return send(res, 404, { ok: false, error: 'not_found' });
    const method = path.slice('/api/'.length);
    const token = bearer(req) ?? (typeof args.token === 'string' ? args.token : undefined);
    const { token: _dropped, ...safeArgs } = args;
    const injected = failures.get(method)?.shift();
    const outcome = injected
      ? injectedAnswer(injected)
      : { status: 200, result: answer(method, token, safeArgs), headers: {} };
    recorder.record({ method, args: safeArgs, at: Date.now(), result: outcome.result, injected: !!injected });
    send(res, outcome.status, outcome.result, outcome.headers);
  }

  function answer(method: string, token: string | undefined, args: ApiArgs): ApiResult {
    if (!token) return { ok: false, error: 'not_authed' };
    // Slack: only an app-level token may open Socket Mode connections, and it may do nothing else.
    if (socketMode && token === socketMode.appToken) {
      return method === 'apps.connections.open'
        ? socketMode.openConnection(port)
        : { ok: false, error: 'not_allowed_token_type' };
    }
    if (token !== opts.botToken) return { ok: false, error: 'invalid_auth' };
    if (method === 'apps.connections.open') return { ok: false, error: 'not_allowed_token_type' };
    return workspace.answer(method, args);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/api/`,
    responseUrlBase: `http://127.0.0.1:${port}/response/`,
    port,
    calls: recorder.calls,
    onCall: (listener) => recorder.onCall(listener),
    waitForCall: (method, predicate, timeoutMs) => recorder.waitForCall(method, predicate, timeoutMs),
    clear: () => recorder.clear(),
    failNext: (method, failure = {}) => {
      failures.set(method, [...(failures.get(method) ?? []), failure]);
    },
    socketMode,
    message: (channel, ts) => workspace.message(channel, ts),
    view: (id) => workspace.view(id),
    stop: async () => {
      await socketMode?.close();
      await stopServer(server, recorder);
    },
  };
}

function bearer(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice('Bearer '.length) : undefined;
}

function injectedAnswer(failure: InjectedFailure): {
  status: number;
  result: ApiResult;
  headers: Record<string, string>;
} {
  const status = failure.status ?? 429;
  const error = failure.error ?? (status === 429 ? 'ratelimited' : 'internal_error');
  const headers: Record<string, string> =
    status === 429 ? { 'Retry-After': String(failure.retryAfterSeconds ?? 1) } : {};
  return { status, result: { ok: false, error }, headers };
}

function send(
  res: ServerResponse,
  status: number,
  body: ApiResult,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(text);
}

function stopServer(server: Server, recorder: CallRecorder): Promise<void> {
  recorder.close();
  return new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
