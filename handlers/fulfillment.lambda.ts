/**
 * Lambda entry for the Lex V2 code hook (DESIGN §5). Clients and config are created once per
 * container and injected; the handler itself is the router. Every capability runs on its real AWS
 * adapters (./aws-capability-deps.ts, shared with the execution worker); Slack notices go through
 * the chat outbox (`CHAT_QUEUE_URL`), and `never`-policy write requests are handed to the
 * execution queue (`EXECUTION_QUEUE_URL`), where the execution worker runs them as it runs
 * approved ones. Env: `TABLE_NAME`, `AWS_REGION`, `CHAT_QUEUE_URL`, `EXECUTION_QUEUE_URL`, the
 * identity key, and the approval variables when approvals are deployed.
 */
import { SQSClient } from '@aws-sdk/client-sqs';
import type { Context } from 'aws-lambda';
import * as z from 'zod';
import { approvalNotifierFromEnv } from './approvals/approval-lambda-deps';
import { approvalsUnconfigured } from './approvals/approval-requests.port';
import { awsCapabilityDeps } from './aws-capability-deps';
import { parseEnv, requiredVar } from './config/env';
import { loadConfig } from './config/load-config';
import type { CodeHookDeps } from './deps';
import { HandOffExecutions } from './execution/execution-handoff.port';
import { SqsExecutionQueue } from './execution/sqs-execution-queue';
import { capabilitiesFor } from './extensions';
import { identityKeysFromEnv } from './identity/secrets-manager-keys';
import { dynamoLedgerOn } from './ledger/dynamo-ledger-client';
import type { LexCodeHookResponse } from './lex/lex-event';
import { createLogger, type Logger } from './logger';
import { chatOutboxFromEnv } from './notify/outbox-chat-notifier';
import { createCodeHook } from './router';

/** The code hook's environment, checked at cold start (errors name the variable, never its value). */
export const fulfillmentEnvSchema = z.object({
  TABLE_NAME: requiredVar(),
  AWS_REGION: requiredVar(),
  CHAT_QUEUE_URL: requiredVar(),
  EXECUTION_QUEUE_URL: requiredVar(),
});

/** The code hook's dependencies in Lambda (also used by the RECEIVED sweeper entry). */
export function buildDeps(env: NodeJS.ProcessEnv = process.env): CodeHookDeps {
  const { TABLE_NAME, EXECUTION_QUEUE_URL } = parseEnv(fulfillmentEnvSchema, env);
  const config = loadConfig(env);
  const logger = createLogger('chatops-fulfillment');
  const ledger = dynamoLedgerOn(TABLE_NAME, config.ledger.retentionDays);
  const sqs = new SQSClient({});
  const chat = chatOutboxFromEnv(env, sqs);
  // Without an approval topic (e.g. a stack deployed before approvals) nobody is notified and the
  // reply says so; with one, every approver gets a signed link by SNS (approval-lambda-deps.ts) and
  // the approvers' channel message goes through the chat outbox.
  const approvals = env.APPROVAL_TOPIC_ARN
    ? approvalNotifierFromEnv(env, { config, ledger, chat, logger })
    : approvalsUnconfigured;
  return {
    ...awsCapabilityDeps(env, config, ledger, logger, chat),
    // Built-ins plus the extensions config enables (the worked example: `examples.enabled`).
    capabilities: capabilitiesFor(config),
    config,
    approvals,
    // A `never`-policy request is APPROVED at creation: the execution worker runs it (re-checking
    // its digest), off the code hook's 10 s, and tells the requester through the outbox.
    executions: new HandOffExecutions(new SqsExecutionQueue({ client: sqs, queueUrl: EXECUTION_QUEUE_URL })),
    logger,
    identityKeys: identityKeysFromEnv(env),
    sandbox: false,
  };
}

let runtime: { hook: ReturnType<typeof createCodeHook>; logger: Logger } | undefined;

/** Lex V2 code hook handler; every log entry carries the invocation's Lambda context. */
export async function handler(event: unknown, context?: Context): Promise<LexCodeHookResponse> {
  if (!runtime) {
    const deps = buildDeps();
    runtime = { hook: createCodeHook(deps), logger: deps.logger };
  }
  if (context) runtime.logger.addContext?.(context);
  return runtime.hook(event);
}
