/**
 * One fixture event per Lambda entry for the cold-start bench, with the environment its fresh
 * process gets: loopback stand-ins for every AWS and Slack endpoint (`AWS_ENDPOINT_URL`,
 * `SLACK_API_URL` → ./lambda.bench.ts's stand-in server), Slack secrets from the local fallback
 * variables (no Secrets Manager call), and bot ids that let Bolt skip `auth.test`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serializeTurn } from '../../bot/turns/turn';
import { signSlackRequest } from '../../local/slack-emulator/signer';

const FIXTURES = join(__dirname, '..', 'fixtures');
const fixture = (path: string) => JSON.parse(readFileSync(join(FIXTURES, path), 'utf8'));
const SIGNING_SECRET = 'bench-signing-secret';
const IDENTITY_KEY = 'bench-identity-key-bench-identity-key-0123';
/** The identity keyring secret's value, as the stand-in's Secrets Manager answers it. */
export const IDENTITY_KEYRING = JSON.stringify({ current: IDENTITY_KEY });

export interface ColdStartCase {
  event: unknown;
  env: Record<string, string>;
  /** Whether the answer is the one the event asks for. */
  answered(result: unknown): boolean;
}

/** The env every function gets: loopback endpoints, dummy credentials, no secret values that matter. */
export function baseEnv(standInUrl: string): Record<string, string> {
  return {
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'AKIDBENCH',
    AWS_SECRET_ACCESS_KEY: 'bench',
    AWS_ENDPOINT_URL: standInUrl,
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    AWS_XRAY_CONTEXT_MISSING: 'IGNORE_ERROR',
    LOG_LEVEL: 'ERROR',
    POWERTOOLS_LOG_LEVEL: 'ERROR',
    TABLE_NAME: 'chatops-bench',
    TURN_QUEUE_URL: `${standInUrl}/111111111111/turns`,
    EXECUTION_QUEUE_URL: `${standInUrl}/111111111111/executions`,
    CHAT_QUEUE_URL: `${standInUrl}/111111111111/chat`,
    LEX_BOT_ID: 'CHATOPSBOT',
    LEX_BOT_ALIAS_ID: 'TSTALIASID',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_BOT_USER_ID: 'UCHATOPSBOT',
    SLACK_BOT_ID: 'BCHATOPS01',
    SLACK_API_URL: `${standInUrl}/api/`,
    // As deployed: the identity keyring is read from Secrets Manager (the stand-in) at cold start.
    IDENTITY_KEY_SECRET_ID: 'chatops/bench/identity-key',
  };
}

/** An API Gateway proxy event carrying `body`, signed as Slack signs it. */
function signedSlackEvent(body: string) {
  const signature = signSlackRequest(body, SIGNING_SECRET);
  const base = fixture('slack/apigw-event-message-im.json');
  const headers = {
    ...base.headers,
    'X-Slack-Request-Timestamp': signature['x-slack-request-timestamp'],
    'X-Slack-Signature': signature['x-slack-signature'],
  };
  return { ...base, body, headers, multiValueHeaders: {} };
}

/** A signed `url_verification`, the first request Slack sends to a new request URL. */
function ingressCase(): ColdStartCase {
  const body = JSON.stringify({ token: 't', challenge: 'bench-challenge', type: 'url_verification' });
  return {
    event: signedSlackEvent(body),
    env: {},
    answered: (r) => {
      const result = r as { statusCode?: number; body?: string };
      return result.statusCode === 200 && String(result.body).includes('bench-challenge');
    },
  };
}

/**
 * A signed DM (`message.im`) with a fresh event id: what every conversation's first cold ingress
 * does — verify, de-duplicate (DynamoDB), queue the turn (SQS), acknowledge.
 */
function ingressMessageCase(): ColdStartCase {
  const envelope = fixture('slack/event-message-im.json');
  const body = JSON.stringify({
    ...envelope,
    event_id: `Ev0BENCH${Date.now()}`,
    event_time: Math.floor(Date.now() / 1000),
  });
  return {
    event: signedSlackEvent(body),
    env: {},
    answered: (r) => (r as { statusCode?: number }).statusCode === 200,
  };
}

/** Cases by Lambda entry id (entries without a case are measured for size only). */
export function coldStartCases(): Record<string, () => ColdStartCase> {
  return {
    Ingress: ingressCase,
    IngressMessage: ingressMessageCase,
    Fulfillment: () => ({
      event: fixture('lex/fulfillment-help.json'),
      env: {},
      answered: (r) => JSON.stringify(r).includes('"dialogAction"'),
    }),
    ReceivedSweeper: () => ({
      event: {},
      env: {},
      answered: (r) => typeof r === 'object' && r !== null,
    }),
    ChatOutbox: () => ({
      event: fixture('events/sqs-chat-outbox-batch.json'),
      env: {},
      answered: (r) => Array.isArray((r as { batchItemFailures?: unknown[] }).batchItemFailures),
    }),
    Worker: () => {
      const turn = {
        kind: 'utterance' as const,
        source: 'message' as const,
        id: 'evt:BenchCold1',
        teamId: 'T0SANDBOX',
        userId: 'UALICE0001',
        channelId: 'DALICE0001',
        receivedAt: new Date().toISOString(),
        text: 'help',
      };
      const record = { ...fixture('events/sqs-turn-record.json'), body: serializeTurn(turn) };
      return {
        event: { Records: [record] },
        env: {},
        answered: (r) => Array.isArray((r as { batchItemFailures?: unknown[] }).batchItemFailures),
      };
    },
  };
}
