/**
 * Lambda entry for the Lex V2 code hook (DESIGN §5). Clients and config are created once per
 * container and injected; the handler itself is the router.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { catalog } from '../intents/catalog';
import { approvalNotifierFromEnv } from './approvals/approval-lambda-deps';
import { approvalsUnconfigured } from './approvals/approval-requests.port';
import { loadConfig } from './config/load-config';
import type { CodeHookDeps } from './deps';
import { RecordingExecutions } from './execution/execution.port';
import { DynamoLedger } from './ledger/dynamo-ledger';
import type { LexCodeHookResponse } from './lex/lex-event';
import { createLogger } from './logger';
import { chatUnavailable } from './notify/unavailable-chat-notifier';
import { createCodeHook } from './router';
import { SandboxCloud } from './sandbox/sandbox-cloud';

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`Environment variable ${name} is required`);
  return value;
}

function buildDeps(): CodeHookDeps {
  const config = loadConfig();
  const document = DynamoDBDocumentClient.from(new DynamoDBClient({}), {
    marshallOptions: { removeUndefinedValues: true },
  });
  const ledger = new DynamoLedger({
    client: document,
    tableName: requireEnv('TABLE_NAME'),
    retentionDays: config.ledger.retentionDays,
  });
  // The AWS adapters for Organizations, IAM and CodePipeline arrive with their capability issues;
  // until then a deployed stack answers look-ups from the sandbox world and says so in every reply.
  const cloud = new SandboxCloud();
  const logger = createLogger('chatops-fulfillment');
  // Without an approval topic (e.g. a stack deployed before approvals) nobody is notified and the
  // reply says so; with one, every approver gets a signed link by SNS.
  const approvals = process.env.APPROVAL_TOPIC_ARN
    ? approvalNotifierFromEnv(process.env, { config, ledger, chat: chatUnavailable, logger })
    : approvalsUnconfigured;
  return {
    catalog,
    config,
    ledger,
    approvals,
    executions: new RecordingExecutions(),
    organization: cloud,
    iamUsers: cloud,
    pipelines: cloud,
    logger,
    sandbox: true,
  };
}

let hook: ReturnType<typeof createCodeHook> | undefined;

/** Lex V2 code hook handler. */
export async function handler(event: unknown): Promise<LexCodeHookResponse> {
  hook ??= createCodeHook(buildDeps());
  return hook(event);
}
