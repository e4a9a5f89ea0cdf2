/**
 * Every capability's deps on real AWS, for the Lambda entries that run capabilities: the code hook
 * (slot checks, read-only `run`) and the execution worker (`execute` / `launch` of approved and
 * `never`-policy requests). One factory, so the two entries cannot drift apart: Organizations and
 * Service Catalog (account vending, whose notices go through the chat outbox), IAM and Secrets
 * Manager (key rotation, its schedule on the ledger table), CodePipeline and Health (pipelines), and
 * the ledger (request status). Clients are created once per call: call it once per container.
 * Env: `TABLE_NAME`, `AWS_REGION` (set by Lambda), `CHAT_QUEUE_URL`.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { accountVendingDeps } from './account-vending/account-vending.deps';
import { vendingFromEnv } from './account-vending/vending-lambda-deps';
import type { ChatOpsConfig } from './config/config.schema';
import { parseEnv, requiredVar } from './config/env';
import type { CapabilityDeps } from './deps';
import { catalogFor, enabledExtensions, extensionAwsDeps } from './extensions';
import { awsKeyRotationDeps } from './key-rotation/key-rotation.deps';
import type { Ledger } from './ledger/ledger.port';
import type { Logger } from './logger';
import type { ChatNotifier } from './notify/chat-notifier.port';
import { chatOutboxFromEnv } from './notify/outbox-chat-notifier';
import { awsPipelineStatusDeps } from './pipeline-status/pipeline-status.deps';
import { requestStatusDeps } from './request-status/request-status.deps';

/** What {@link awsCapabilityDeps} reads from the environment. */
export const awsCapabilityEnvSchema = z.object({
  TABLE_NAME: requiredVar(),
  AWS_REGION: requiredVar(),
  CHAT_QUEUE_URL: requiredVar(),
});

/**
 * The capability deps of a Lambda entry on real AWS.
 * @param chat where capability notices go; default the chat outbox of `CHAT_QUEUE_URL`
 * @throws ConfigError naming every missing variable ({@link awsCapabilityEnvSchema})
 * @example
 * const deps = awsCapabilityDeps(process.env, config, ledger, logger);
 */
export function awsCapabilityDeps(
  env: NodeJS.ProcessEnv,
  config: ChatOpsConfig,
  ledger: Ledger,
  logger: Logger,
  chat: ChatNotifier = chatOutboxFromEnv(env),
): CapabilityDeps {
  const { TABLE_NAME, AWS_REGION } = parseEnv(awsCapabilityEnvSchema, env);
  const document = DynamoDBDocumentClient.from(new DynamoDBClient({}), {
    marshallOptions: { removeUndefinedValues: true },
  });
  const vending = vendingFromEnv(env, config, logger, ledger, chat);
  return {
    // Built-ins plus the extensions config enables, with their deps on real AWS.
    catalog: catalogFor(config),
    ...accountVendingDeps({ organization: vending.organization, provisioning: vending.provisioning }),
    ...awsKeyRotationDeps(config, { client: document, tableName: TABLE_NAME }),
    ...awsPipelineStatusDeps(AWS_REGION, logger),
    ...requestStatusDeps({ ledger }),
    ...extensionAwsDeps(enabledExtensions(config), { config, ledger, logger, region: AWS_REGION }),
  };
}
