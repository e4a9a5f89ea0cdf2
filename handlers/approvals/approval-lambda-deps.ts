/**
 * The deps factories of the approval Lambdas (fulfillment's notifier, the approval API's desk, the
 * expiry sweeper, the execution worker), built once per container from a validated environment:
 *
 * | variable | used by |
 * | --- | --- |
 * | `TABLE_NAME` | all (the ledger) |
 * | `APPROVALS_URL` | fulfillment (links: `<APPROVALS_URL>/<id>?token=…`) |
 * | `APPROVAL_KEY_SECRET_ID` | fulfillment, approval API (HMAC keys, ./secrets-approval-keys.ts) |
 * | `APPROVAL_TOPIC_ARN` | fulfillment (one SNS publish per approver) |
 * | `EXECUTION_QUEUE_URL` | approval API, Slack worker (the hand-off of approved requests) |
 *
 * The Slack {@link ChatNotifier} is passed in by the entry (its adapter lives on the Slack side).
 */

import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SNSClient } from '@aws-sdk/client-sns';
import { SQSClient } from '@aws-sdk/client-sqs';
import * as z from 'zod';
import type { ChatOpsConfig } from '../config/config.schema';
import { ConfigError } from '../errors';
import { SqsExecutionQueue } from '../execution/sqs-execution-queue';
import type { DynamoLedger } from '../ledger/dynamo-ledger';
import { dynamoLedgerOn } from '../ledger/dynamo-ledger-client';
import type { Logger } from '../logger';
import type { ChatNotifier } from '../notify/chat-notifier.port';
import { ApprovalDeskService } from './approval-desk';
import { ApprovalNotifier } from './approval-notifier';
import { ApprovalTokens } from './approval-tokens';
import { SecretsApprovalKeys } from './secrets-approval-keys';
import { SnsEmailChannel } from './sns-email-channel';

const name = z.string().min(1, 'environment variable is not set');
const url = z.url('must be an https URL');

export const approvalEnvSchema = z.object({
  TABLE_NAME: name,
  APPROVALS_URL: url.optional(),
  APPROVAL_KEY_SECRET_ID: name.optional(),
  APPROVAL_TOPIC_ARN: z
    .string()
    .regex(/^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[\w-]+$/, 'must be an SNS topic ARN')
    .optional(),
  EXECUTION_QUEUE_URL: url.optional(),
});
export type ApprovalEnv = z.output<typeof approvalEnvSchema>;

/** The environment, validated. @throws ConfigError naming each bad variable (never its value). */
export function approvalEnv(env: NodeJS.ProcessEnv, required: readonly (keyof ApprovalEnv)[]): ApprovalEnv {
  const parsed = approvalEnvSchema.safeParse(env);
  const issues = parsed.success
    ? []
    : parsed.error.issues.map((i) => ({ path: String(i.path[0]), message: i.message }));
  for (const key of required) {
    if (parsed.success && !parsed.data[key])
      issues.push({ path: key, message: 'environment variable is not set' });
  }
  if (!parsed.success || issues.length) throw new ConfigError(issues);
  return parsed.data;
}

export function ledgerFromEnv(env: ApprovalEnv, config: ChatOpsConfig): DynamoLedger {
  return dynamoLedgerOn(env.TABLE_NAME, config.ledger.retentionDays);
}

const tokensFromEnv = (env: ApprovalEnv) =>
  new ApprovalTokens(
    new SecretsApprovalKeys({
      client: new SecretsManagerClient({}),
      secretId: env.APPROVAL_KEY_SECRET_ID ?? '',
    }),
  );

/** The fulfillment Lambda's `ApprovalRequests`: SNS emails with signed links + the approvers' message. */
export function approvalNotifierFromEnv(
  env: NodeJS.ProcessEnv,
  parts: { config: ChatOpsConfig; ledger: DynamoLedger; chat: ChatNotifier; logger: Logger },
): ApprovalNotifier {
  const e = approvalEnv(env, ['APPROVALS_URL', 'APPROVAL_KEY_SECRET_ID', 'APPROVAL_TOPIC_ARN']);
  return new ApprovalNotifier({
    ...parts,
    tokens: tokensFromEnv(e),
    // SDK standard retries (throttling, KMS throttling, 5xx): 3 attempts by default; 5 here.
    email: new SnsEmailChannel({
      client: new SNSClient({ maxAttempts: 5 }),
      topicArn: e.APPROVAL_TOPIC_ARN ?? '',
    }),
    approvalsUrl: (e.APPROVALS_URL ?? '').replace(/\/+$/, ''),
  });
}

/** The approval API's (and Slack worker's) desk: tokens from Secrets Manager, hand-off to SQS. */
export function approvalDeskFromEnv(
  env: NodeJS.ProcessEnv,
  parts: {
    config: ChatOpsConfig;
    ledger: DynamoLedger;
    chat: ChatNotifier;
    logger: Logger;
    now?: () => Date;
  },
): ApprovalDeskService {
  const e = approvalEnv(env, ['APPROVAL_KEY_SECRET_ID', 'EXECUTION_QUEUE_URL']);
  return new ApprovalDeskService({
    ...parts,
    now: parts.now ?? (() => new Date()),
    tokens: tokensFromEnv(e),
    handOff: new SqsExecutionQueue({ client: new SQSClient({}), queueUrl: e.EXECUTION_QUEUE_URL ?? '' }),
  });
}
