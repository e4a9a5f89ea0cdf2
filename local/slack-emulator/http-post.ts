/**
 * One POST over HTTP/1.1 keep-alive with `node:http` (the emulator only ever talks to loopback
 * `http://` request URLs). Not `fetch`: on Node 20 undici's fetch (WHATWG streams, Headers,
 * AbortSignal) costs the sending process about twice the CPU of `http.request` per call, and the
 * Slack benchmark's driver shares the machine's cores with the app it measures. Hand-written rather
 * than a client library because it is one request with a string body and a string answer.
 */
import { Agent, type IncomingHttpHeaders, request } from 'node:http';

/** Loopback keep-alive connections; idle sockets do not keep the process alive. */
const agent = new Agent({ keepAlive: true, maxSockets: 256 });

export interface PostResult {
  status: number;
  body: string;
  /** Lower-case header names; repeated headers joined with ", " (as `fetch`'s Headers does). */
  headers: Record<string, string>;
}

/** POSTs `body` (UTF-8) to `url` with `headers`; resolves once the whole answer has arrived. */
export function postText(url: string, body: string, headers: Record<string, string>): Promise<PostResult> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            headers: flatHeaders(res.headers),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

function flatHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}
