/**
 * A bare Bolt echo app (HTTPReceiver + `app.message` → `say`): the baseline the Slack benchmark
 * measures the ChatOps app against, and a known-good app for testing the emulator itself. It has no
 * de-duplication, no Lex and no ledger, so whatever it costs is Bolt's own cost.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';

export interface EchoAppOptions {
  signingSecret: string;
  botToken: string;
  /** The emulator's `url`. */
  slackApiUrl: string;
}

export interface EchoApp {
  /** `http://127.0.0.1:P/slack/events` */
  eventsUrl: string;
  stop(): Promise<void>;
}

/** Starts the echo app on a free loopback port. */
export async function startEchoApp(options: EchoAppOptions): Promise<EchoApp> {
  return startBareBoltApp(options, (app) =>
    app.message(async ({ message, say }) => {
      const text = 'text' in message && typeof message.text === 'string' ? message.text : '';
      await say(`echo: ${text}`);
    }),
  );
}

/**
 * A Bolt app with Bolt's defaults only (HTTPReceiver, errors-only logging, Web API at the
 * emulator), its listeners added by `register`, listening on a free loopback port.
 */
export async function startBareBoltApp(
  options: EchoAppOptions,
  register: (app: App) => void,
): Promise<EchoApp> {
  const receiver = new HTTPReceiver({
    signingSecret: options.signingSecret,
    endpoints: '/slack/events',
    logLevel: LogLevel.ERROR,
  });
  const app = new App({
    token: options.botToken,
    receiver,
    logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl: options.slackApiUrl },
  });
  register(app);
  return listenOnLoopback(receiver);
}

/** Starts a Bolt HTTPReceiver on a free loopback port; `stop()` also drops kept-alive connections. */
export async function listenOnLoopback(receiver: HTTPReceiver): Promise<EchoApp> {
  const server = (await receiver.start({ port: 0, host: '127.0.0.1' })) as Server;
  const { port } = server.address() as AddressInfo;
  return {
    eventsUrl: `http://127.0.0.1:${port}/slack/events`,
    stop: async () => {
      server.closeAllConnections();
      await receiver.stop();
    },
  };
}
