/**
 * DynamoDB Local listens on loopback only (issue 9): the instance the integration project's global
 * setup started through local/dynamodb-local.ts answers on 127.0.0.1 and refuses connections to every
 * non-loopback address of this machine. With the package's plain `java -jar` spawn, Jetty listened on
 * the wildcard address and the non-loopback connections succeeded.
 */
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';

/** Resolves 'connected' or the socket error code (e.g. ECONNREFUSED) for host:port. */
function tryConnect(host: string, port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 5_000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve('ETIMEDOUT');
    });
    socket.once('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message));
  });
}

/** Every address of this machine that is not loopback (IPv6 link-local ones need a scope id). */
function nonLoopbackAddresses(): string[] {
  return Object.entries(networkInterfaces()).flatMap(([name, infos]) =>
    (infos ?? [])
      .filter((info) => !info.internal)
      .map((info) => (info.family === 'IPv6' && info.scopeid ? `${info.address}%${name}` : info.address)),
  );
}

function localPort(): number {
  const endpoint = process.env.DYNAMODB_ENDPOINT;
  if (!endpoint)
    throw new Error('DYNAMODB_ENDPOINT is not set: run this through the jest "integration" project.');
  const url = new URL(endpoint);
  expect(url.hostname).toBe('127.0.0.1');
  return Number(url.port);
}

const addresses = nonLoopbackAddresses();

describe('DynamoDB Local network exposure', () => {
  it('accepts connections on 127.0.0.1', async () => {
    // Prepare
    const port = localPort();

    // Act
    const outcome = await tryConnect('127.0.0.1', port);

    // Assess
    expect(outcome).toBe('connected');
  });

  // Skipped only when this machine has no non-loopback address to try.
  (addresses.length > 0 ? it : it.skip)(
    'refuses connections on every non-loopback address of this machine',
    async () => {
      // Prepare
      const port = localPort();

      // Act
      const outcomes = await Promise.all(addresses.map(async (host) => [host, await tryConnect(host, port)]));

      // Assess
      for (const [host, outcome] of outcomes) {
        expect({ host, outcome }).toEqual({ host, outcome: expect.not.stringMatching(/^connected$/) });
      }
      expect(outcomes.map(([, outcome]) => outcome)).not.toContain('connected');
    },
  );
});
