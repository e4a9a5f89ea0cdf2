/**
 * Signs a request the way Slack does (https://api.slack.com/authentication/verifying-requests-from-slack):
 * `X-Slack-Signature: v0=<hex HMAC-SHA256(signing secret, "v0:<timestamp>:<raw body>")>` and
 * `X-Slack-Request-Timestamp: <epoch seconds>`. Four lines of node:crypto; Slack's SDKs only ship
 * the verifying side.
 */
import { createHmac } from 'node:crypto';

/** The two headers Slack adds to every request it sends to an app. */
export interface SlackSignatureHeaders {
  'x-slack-signature': string;
  'x-slack-request-timestamp': string;
}

/**
 * Slack's v0 signature of `rawBody` at `timestampSeconds` (defaults to now).
 * @param rawBody exactly the bytes that will be sent
 */
export function signSlackRequest(
  rawBody: string,
  signingSecret: string,
  timestampSeconds: number = Math.floor(Date.now() / 1000),
): SlackSignatureHeaders {
  const timestamp = String(Math.floor(timestampSeconds));
  const digest = createHmac('sha256', signingSecret).update(`v0:${timestamp}:${rawBody}`).digest('hex');
  return { 'x-slack-signature': `v0=${digest}`, 'x-slack-request-timestamp': timestamp };
}
