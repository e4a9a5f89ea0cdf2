/**
 * Lambda entry of the execution worker: SQS-triggered (the queue `EXECUTION_QUEUE_URL` the approval
 * desk hands approved requests to, and the code hook `never`-policy ones). Each message
 * `{"requestId":"REQ-…"}` is run by ./run-approved.ts (status and digest re-checked first), then by
 * {@link CapabilityExecutions} over every capability's real AWS deps (../aws-capability-deps.ts,
 * the code hook's own factory). Outcomes reach the requester's thread through the chat outbox.
 * Partial batch failures are reported with Powertools batch (`ReportBatchItemFailures`), so one
 * failing request does not redeliver the others
 * (https://docs.aws.amazon.com/powertools/typescript/latest/features/batch/); a message that is not
 * an execution hand-off fails until it reaches the dead-letter queue, whose depth raises an alarm.
 * Env: `TABLE_NAME`, `AWS_REGION`, `CHAT_QUEUE_URL`.
 */
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { approvalEnv, ledgerFromEnv } from '../approvals/approval-lambda-deps';
import { awsCapabilityDeps, awsCapabilityEnvSchema } from '../aws-capability-deps';
import { buildCapabilityMap } from '../capabilities';
import { parseEnv } from '../config/env';
import { loadConfig } from '../config/load-config';
import { capabilitiesFor, catalogFor } from '../extensions';
import type { Ledger } from '../ledger/ledger.port';
import { createLogger } from '../logger';
import { chatOutboxFromEnv } from '../notify/outbox-chat-notifier';
import { CapabilityExecutions } from './capability-executions';
import { type RunApprovedDeps, runApproved } from './run-approved';
import { executionMessageSchema } from './sqs-execution-queue';

/**
 * The worker's deps on real AWS (the ledger may be given, e.g. a test's in-memory one).
 * @throws ConfigError naming every missing variable (`TABLE_NAME`, `AWS_REGION`, `CHAT_QUEUE_URL`)
 */
export function buildExecutionDeps(env: NodeJS.ProcessEnv = process.env, given?: Ledger): RunApprovedDeps {
  parseEnv(awsCapabilityEnvSchema, env);
  const config = loadConfig(env);
  const logger = createLogger('chatops-execution-worker');
  const ledger = given ?? ledgerFromEnv(approvalEnv(env, []), config);
  const chat = chatOutboxFromEnv(env);
  const executions = new CapabilityExecutions({
    capabilities: buildCapabilityMap(catalogFor(config), capabilitiesFor(config)),
    deps: awsCapabilityDeps(env, config, ledger, logger, chat),
    config,
    ledger,
    notifier: chat,
    logger,
  });
  return { ledger, executions, chat, logger };
}

/** The SQS handler over `deps`: one hand-off per record, partial batch responses. */
export function createExecutionHandler(deps: RunApprovedDeps) {
  const processor = new BatchProcessor(EventType.SQS);
  const runRecord = async (record: SQSRecord): Promise<void> => {
    const { requestId } = executionMessageSchema.parse(JSON.parse(record.body));
    const outcome = await runApproved(requestId, deps);
    deps.logger.info('execution hand-off processed', { requestId, outcome });
  };
  return (event: SQSEvent): Promise<SQSBatchResponse> =>
    processPartialResponse(event, runRecord, processor, { throwOnFullBatchFailure: false });
}

let run: ((event: SQSEvent) => Promise<SQSBatchResponse>) | undefined;
let logger: RunApprovedDeps['logger'] | undefined;

/** SQS handler with partial batch responses. */
export async function handler(event: SQSEvent, context?: Context): Promise<SQSBatchResponse> {
  if (!run) {
    const deps = buildExecutionDeps();
    run = createExecutionHandler(deps);
    logger = deps.logger;
  }
  if (context) logger?.addContext?.(context);
  return run(event);
}
