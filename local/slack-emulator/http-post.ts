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

/**
 * POSTs `body` (UTF-8) to `url` with `headers`; resolves once the whole answer has arrived.
 * A kept-alive socket the server closed while idle fails with ECONNRESET before the request reached
 * it; that one case is sent again on a fresh socket, as the Node docs advise
 * (https://nodejs.org/api/http.html#requestreusedsocket).
 */
export async function postText(
  url: string,
  body: string,
  headers: Record<string, string>,
): Promise<PostResult> {
  try {
    return await postOnce(url, body, headers);
  } catch (error) {
    if (!(error instanceof StaleSocketError)) throw error;
    return postOnce(url, body, headers);
  }
}

/** The reused keep-alive socket was already closed by the server. */
class StaleSocketError extends Error {}

function postOnce(url: string, body: string, headers: Record<string, string>): Promise<PostResult> {
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
    req.on('error', (error: NodeJS.ErrnoException) =>
      reject(req.reusedSocket && error.code === 'ECONNRESET' ? new StaleSocketError(error.message) : error),
    );
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
