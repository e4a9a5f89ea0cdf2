/**
 * Slack's side of Socket Mode (https://api.slack.com/apis/socket-mode), on the Web API emulator's
 * port: `apps.connections.open` with the app-level token answers a `ws://127.0.0.1:P/link/?ticket=…`
 * URL, the app's WebSocket connects there and gets `{"type":"hello"}`, then envelopes go down the
 * socket (`events_api`, `interactive`, `slash_commands`, with `envelope_id`, `payload`,
 * `accepts_response_payload` and, on redeliveries, `retry_attempt` / `retry_reason`) and the app
 * answers each with `{"envelope_id": …}` (plus a `payload` for commands). `disconnect()` sends
 * Slack's `{"type":"disconnect"}` warning, after which @slack/socket-mode reconnects.
 *
 * Message shapes from the Socket Mode docs above and the fields @slack/socket-mode reads
 * (node_modules/@slack/socket-mode/dist/src/SocketModeClient.js: `hello`, `disconnect`,
 * `envelope_id`, `retry_attempt`, `retry_reason`, `accepts_response_payload`). The WebSocket
 * protocol itself is the `ws` library's; what is hand-written here is only Slack's envelope logic.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import { ChatOpsError } from '../../kernel/errors';
import type { JsonObject } from './payloads';

/** The socket path `apps.connections.open` hands out. */
export const SOCKET_MODE_PATH = '/link/';

export type EnvelopeType = 'events_api' | 'interactive' | 'slash_commands';

export interface EnvelopeOptions {
  /** Reuse an id to redeliver the same envelope (default: a new one). */
  envelopeId?: string;
  /** Slack's redelivery counter (`retry_attempt`) and its reason. */
  retryAttempt?: number;
  retryReason?: string;
  /** How long to wait for the app's ack (default 5 s). */
  timeoutMs?: number;
}

/** What the app sent back for an envelope. */
export interface EnvelopeAck {
  envelope_id: string;
  payload?: JsonObject;
}

/** No app is connected, or the app did not ack in time. */
export class SocketModeEmulatorError extends ChatOpsError {
  constructor(message: string) {
    super('SOCKET_MODE_EMULATOR', message, {});
  }
}

/** Slack's Socket Mode endpoint for one app. */
export class SocketModeHub {
  private readonly server = new WebSocketServer({ noServer: true });
  private readonly tickets = new Set<string>();
  private readonly pendingAcks = new Map<string, (ack: EnvelopeAck) => void>();
  private readonly waiters = new Set<() => void>();
  private socket: WebSocket | undefined;
  /** Connections the app has opened so far (reconnects included). */
  connections = 0;

  constructor(
    readonly appToken: string,
    private readonly appId: string,
  ) {}

  /** The `apps.connections.open` answer: a one-time socket URL on `port`. */
  openConnection(port: number): { ok: true; url: string } {
    const ticket = randomBytes(16).toString('hex');
    this.tickets.add(ticket);
    return { ok: true, url: `ws://127.0.0.1:${port}${SOCKET_MODE_PATH}?ticket=${ticket}` };
  }

  /** Takes an HTTP upgrade from the Web API server; refuses unknown paths and tickets. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const ticket = url.searchParams.get('ticket') ?? '';
    if (url.pathname !== SOCKET_MODE_PATH || !this.tickets.delete(ticket)) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
      return;
    }
    this.server.handleUpgrade(req, socket, head, (ws) => this.accept(ws));
  }

  /** Resolves once an app is connected and has been greeted (at once if it already is). */
  connected(timeoutMs = 5_000): Promise<void> {
    if (this.socket) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const connected = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiters.delete(connected);
        reject(new SocketModeEmulatorError(`No app connected over Socket Mode within ${timeoutMs} ms.`));
      }, timeoutMs);
      this.waiters.add(connected);
    });
  }

  /** Sends an envelope to the connected app; resolves with its ack. */
  send(type: EnvelopeType, payload: JsonObject, options: EnvelopeOptions = {}): Promise<EnvelopeAck> {
    const socket = this.socket;
    if (!socket) return Promise.reject(new SocketModeEmulatorError('No app is connected over Socket Mode.'));
    const envelopeId = options.envelopeId ?? randomEnvelopeId();
    const timeoutMs = options.timeoutMs ?? 5_000;
    const acked = new Promise<EnvelopeAck>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pendingAcks.delete(envelopeId);
        reject(
          new SocketModeEmulatorError(`The app did not ack envelope ${envelopeId} within ${timeoutMs} ms.`),
        );
      }, timeoutMs);
      this.pendingAcks.set(envelopeId, (ack) => {
        clearTimeout(timer);
        resolve(ack);
      });
    });
    socket.send(
      JSON.stringify({
        envelope_id: envelopeId,
        type,
        payload,
        accepts_response_payload: type === 'slash_commands',
        ...(options.retryAttempt !== undefined
          ? { retry_attempt: options.retryAttempt, retry_reason: options.retryReason ?? 'timeout' }
          : {}),
      }),
    );
    return acked;
  }

  /** Slack's "refresh your connection" warning; the app reconnects with a new URL. */
  disconnect(): void {
    this.socket?.send(
      JSON.stringify({ type: 'disconnect', reason: 'warning', debug_info: { host: 'emulator' } }),
    );
  }

  /** Closes every connection. */
  async close(): Promise<void> {
    for (const client of this.server.clients) client.terminate();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(ws: WebSocket): void {
    this.connections += 1;
    ws.on('message', (data) => this.onAck(String(data)));
    ws.on('close', () => {
      if (this.socket === ws) this.socket = undefined;
    });
    ws.send(
      JSON.stringify({
        type: 'hello',
        num_connections: 1,
        debug_info: { host: 'applink-emulator', approximate_connection_time: 18060 },
        connection_info: { app_id: this.appId },
      }),
    );
    this.socket = ws;
    for (const waiter of this.waiters) waiter();
    this.waiters.clear();
  }

  private onAck(text: string): void {
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch {
      return; // Not JSON: Slack ignores it too.
    }
    const ack = message as Partial<EnvelopeAck>;
    if (typeof ack?.envelope_id !== 'string') return;
    const settle = this.pendingAcks.get(ack.envelope_id);
    this.pendingAcks.delete(ack.envelope_id);
    settle?.({ envelope_id: ack.envelope_id, ...(ack.payload ? { payload: ack.payload } : {}) });
  }
}

function randomEnvelopeId(): string {
  const hex = randomBytes(16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
