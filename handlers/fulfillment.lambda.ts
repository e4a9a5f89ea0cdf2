/**
 * Lambda entry for the Lex V2 code hook (DESIGN §5). Clients and config are created once per
 * container and injected; the handler itself is the router.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Context } from 'aws-lambda';
import * as z from 'zod';
import { accountVendingDeps } from './account-vending/account-vending.deps';
import { vendingFromEnv } from './account-vending/vending-lambda-deps';
import { approvalNotifierFromEnv } from './approvals/approval-lambda-deps';
import { approvalsUnconfigured } from './approvals/approval-requests.port';
import { parseEnv, requiredVar } from './config/env';
import { loadConfig } from './config/load-config';
import type { CodeHookDeps } from './deps';
import { RecordingExecutions } from './execution/execution.port';
import { capabilitiesFor, catalogFor, enabledExtensions, extensionAwsDeps } from './extensions';
import { identityKeysFromEnv } from './identity/secrets-manager-keys';
import { awsKeyRotationDeps } from './key-rotation/key-rotation.deps';
import { DynamoLedger } from './ledger/dynamo-ledger';
import type { LexCodeHookResponse } from './lex/lex-event';
import { createLogger, type Logger } from './logger';
import { chatUnavailable } from './notify/unavailable-chat-notifier';
import { awsPipelineStatusDeps } from './pipeline-status/pipeline-status.deps';
import { requestStatusDeps } from './request-status/request-status.deps';
import { createCodeHook } from './router';

/** The code hook's environment, checked at cold start (errors name the variable, never its value). */
export const fulfillmentEnvSchema = z.object({ TABLE_NAME: requiredVar(), AWS_REGION: requiredVar() });

/** The code hook's dependencies in Lambda (also used by the RECEIVED sweeper entry). */
export function buildDeps(env: NodeJS.ProcessEnv = process.env): CodeHookDeps {
  const { TABLE_NAME, AWS_REGION: region } = parseEnv(fulfillmentEnvSchema, env);
  const config = loadConfig(env);
  const logger = createLogger('chatops-fulfillment');
  const document = DynamoDBDocumentClient.from(new DynamoDBClient({}), {
    marshallOptions: { removeUndefinedValues: true },
  });
  const ledger = new DynamoLedger({
    client: document,
    tableName: TABLE_NAME,
    retentionDays: config.ledger.retentionDays,
  });
  // Every capability uses its real adapters: Organizations and Service Catalog, IAM and Secrets
  // Manager, CodePipeline and Health.
  const vending = vendingFromEnv(env, config, logger, ledger);
  // Without an approval topic (e.g. a stack deployed before approvals) nobody is notified and the
  // reply says so; with one, every approver gets a signed link by SNS (approval-lambda-deps.ts).
  const approvals = env.APPROVAL_TOPIC_ARN
    ? approvalNotifierFromEnv(env, { config, ledger, chat: chatUnavailable, logger })
    : approvalsUnconfigured;
  return {
    // Built-ins plus the extensions config enables (the worked example: `examples.enabled`).
    catalog: catalogFor(config),
    capabilities: capabilitiesFor(config),
    config,
    approvals,
    // Approved requests run where the approval is decided (approval API, worker), which tell the
    // requester in Slack; the code hook only hands over `never`-policy requests, recorded until
    // the approvals issue routes them to the same executions.
    executions: new RecordingExecutions(),
    logger,
    identityKeys: identityKeysFromEnv(env),
    sandbox: false,
    ...accountVendingDeps({ organization: vending.organization, provisioning: vending.provisioning }),
    ...awsKeyRotationDeps(config, { client: document, tableName: TABLE_NAME }),
    ...awsPipelineStatusDeps(region, logger),
    ...requestStatusDeps({ ledger }), // the core's ledger too
    ...extensionAwsDeps(enabledExtensions(config), { config, ledger, logger, region }),
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
