/**
 * Web API client settings shared by the Bolt app and the worker Lambda. Slack's HTTP 429 handling
 * is @slack/web-api's own: on 429 it reads `Retry-After`, pauses its request queue that long and
 * retries (node_modules/@slack/web-api/dist/WebClient.js `makeRequest`; Slack's rules:
 * https://api.slack.com/apis/rate-limits). We bound the retries so a turn cannot hang for the
 * library's default half hour, and log each rate-limit pause (never the token).
 */
import { webApi } from '@slack/bolt';
import type { Logger } from '../../handlers/logger';
import { toBoltLogger } from './bolt-logger';

/** Retries after a 429 or a network error: 4 attempts, about 1, 2, 4 s apart (plus `Retry-After`). */
export const SLACK_RETRY_POLICY = { retries: 3, factor: 2, minTimeout: 1000, maxTimeout: 8000 } as const;

/** `clientOptions` for Bolt and the worker's client. */
export function slackClientOptions(logger: Logger, slackApiUrl?: string): webApi.WebClientOptions {
  return {
    ...(slackApiUrl ? { slackApiUrl } : {}),
    retryConfig: { ...SLACK_RETRY_POLICY },
    rejectRateLimitedCalls: false,
    logger: toBoltLogger(logger),
  };
}

/** A Web API client that logs each rate-limit pause. */
export function createSlackWebClient(
  botToken: string,
  logger: Logger,
  slackApiUrl?: string,
): webApi.WebClient {
  const client = new webApi.WebClient(botToken, slackClientOptions(logger, slackApiUrl));
  watchRateLimits(client, logger);
  return client;
}

/** Logs `rate_limited` events of `client` (Slack answered 429; the client waits `Retry-After`). */
export function watchRateLimits(client: webApi.WebClient, logger: Logger): void {
  client.on(webApi.WebClientEvent.RATE_LIMITED, (retryAfterSeconds: number, info: { url?: string }) => {
    const method = info?.url?.split('/').pop();
    logger.warn('Slack rate limited a Web API call; retrying after Retry-After', {
      method,
      retryAfterSeconds,
    });
  });
}
