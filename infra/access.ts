/**
 * What each {@link Access} kind grants and which names / ARNs it puts in the environment. Data
 * access (ledger, queue, secrets, topic, bot) goes to the function's own policy with explicit
 * actions on the stage's own resources; AWS-account capabilities (Organizations, Service Catalog,
 * IAM, CodePipeline) get their own policy from infra/capabilities.ts, acknowledged where an API
 * needs a wildcard resource.
 */
import type * as iam from 'aws-cdk-lib/aws-iam';
import * as iamLib from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { addCapabilityPolicy, type CapabilityScope, isCapability } from './capabilities';
import type { ChatOpsFunction } from './constructs/chatops-function';
import type { LexBot } from './constructs/lex-bot';
import type { RequestTable } from './constructs/request-table';
import type { Access } from './lambda-entries';

/** The stage's resources an access kind can point at (those a stage does not have are absent). */
export interface AccessTargets {
  readonly table: RequestTable;
  readonly turnQueue?: sqs.IQueue;
  readonly executionQueue?: sqs.IQueue;
  /** The chat outbox, once the ChatOutbox entry exists. */
  readonly chatQueue?: sqs.IQueue;
  readonly slackSecret: secretsmanager.ISecret;
  readonly identityKey: secretsmanager.ISecret;
  readonly approvalKey: secretsmanager.ISecret;
  readonly approvalTopic?: { readonly topic: sns.ITopic; readonly key: kms.IKey };
  readonly bot?: LexBot;
  /** The approval API's public base URL (`https://…/approvals`), once the API exists. */
  readonly approvalsUrl?: string;
  readonly capabilities: CapabilityScope;
}

/** The queue each send kind writes to, and the variable its URL travels in. */
const QUEUES = {
  turnQueue: { target: 'turnQueue', env: 'TURN_QUEUE_URL' },
  executionQueue: { target: 'executionQueue', env: 'EXECUTION_QUEUE_URL' },
  // handlers/notify/outbox-chat-notifier.ts chatOutboxEnvSchema.
  chatOutbox: { target: 'chatQueue', env: 'CHAT_QUEUE_URL' },
} as const;

/** The environment variable each secret's ARN travels in (the function reads the value at cold start). */
export const SECRET_ENV = {
  slackSecret: 'SLACK_SECRET_ARN',
  // handlers/identity/secrets-manager-keys.ts IDENTITY_KEY_SECRET_ENV (a secret id; the ARN is one).
  identityKey: 'IDENTITY_KEY_SECRET_ID',
  // handlers/approvals/approval-lambda-deps.ts approvalEnvSchema (a secret id; the ARN is one).
  approvalKey: 'APPROVAL_KEY_SECRET_ID',
} as const;

function readSecret(fn: ChatOpsFunction, secret: secretsmanager.ISecret, env: string): void {
  fn.role.addToPrincipalPolicy(
    new iamLib.PolicyStatement({
      actions: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
      resources: [secret.secretArn],
    }),
  );
  fn.addEnvironment(env, secret.secretArn);
}

function need<T>(value: T | undefined, access: Access, fn: ChatOpsFunction): T {
  if (value === undefined) throw new Error(`${fn.node.path} needs ${access}, which this stack does not have`);
  return value;
}

/** Grants `access` to `fn` and sets the environment it implies. */
export function applyAccess(fn: ChatOpsFunction, access: Access, targets: AccessTargets): void {
  const role: iam.Role = fn.role;
  switch (access) {
    case 'ledger':
      targets.table.grantLedger(role);
      fn.addEnvironment('TABLE_NAME', targets.table.table.tableName);
      return;
    case 'turnQueue':
    case 'executionQueue':
    case 'chatOutbox': {
      const { target, env } = QUEUES[access];
      const queue = need(targets[target], access, fn);
      // SQS-managed SSE: sending needs no KMS permission.
      role.addToPrincipalPolicy(
        new iamLib.PolicyStatement({ actions: ['sqs:SendMessage'], resources: [queue.queueArn] }),
      );
      fn.addEnvironment(env, queue.queueUrl);
      return;
    }
    case 'slackSecret':
    case 'identityKey':
    case 'approvalKey':
      readSecret(fn, targets[access], SECRET_ENV[access]);
      return;
    case 'approvalTopic': {
      const { topic, key } = need(targets.approvalTopic, access, fn);
      role.addToPrincipalPolicy(
        new iamLib.PolicyStatement({ actions: ['sns:Publish'], resources: [topic.topicArn] }),
      );
      // Publishing to a topic encrypted with a customer-managed key.
      role.addToPrincipalPolicy(
        new iamLib.PolicyStatement({
          actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
          resources: [key.keyArn],
        }),
      );
      fn.addEnvironment('APPROVAL_TOPIC_ARN', topic.topicArn);
      return;
    }
    case 'approvalLinks':
      // A URL, not a grant: the links point at the public approval API.
      fn.addEnvironment('APPROVALS_URL', need(targets.approvalsUrl, access, fn));
      return;
    case 'lexRecognize': {
      const bot = need(targets.bot, access, fn);
      bot.grantRecognizeText(role);
      fn.addEnvironment('LEX_BOT_ID', bot.bot.attrId);
      fn.addEnvironment('LEX_BOT_ALIAS_ID', bot.alias.attrBotAliasId);
      fn.addEnvironment('LEX_LOCALE_ID', bot.localeId);
      return;
    }
    default:
      if (isCapability(access)) addCapabilityPolicy(fn, access, targets.capabilities);
  }
}
