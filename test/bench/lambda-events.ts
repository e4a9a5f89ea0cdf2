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
    CHATOPS_IDENTITY_KEY: 'bench-identity-key-bench-identity-key-0123',
  };
}

/** A signed `url_verification`, the first request Slack sends to a new request URL. */
function ingressCase(): ColdStartCase {
  const body = JSON.stringify({ token: 't', challenge: 'bench-challenge', type: 'url_verification' });
  const signature = signSlackRequest(body, SIGNING_SECRET);
  const base = fixture('slack/apigw-event-message-im.json');
  const headers = {
    ...base.headers,
    'X-Slack-Request-Timestamp': signature['x-slack-request-timestamp'],
    'X-Slack-Signature': signature['x-slack-signature'],
  };
  return {
    event: { ...base, body, headers, multiValueHeaders: {} },
    env: {},
    answered: (r) => {
      const result = r as { statusCode?: number; body?: string };
      return result.statusCode === 200 && String(result.body).includes('bench-challenge');
    },
  };
}

/** Cases by Lambda entry id (entries without a case are measured for size only). */
export function coldStartCases(): Record<string, () => ColdStartCase> {
  return {
    Ingress: ingressCase,
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
