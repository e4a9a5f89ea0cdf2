/**
 * Lambda entry of the execution worker: SQS-triggered (the queue `EXECUTION_QUEUE_URL` the approval
 * desk hands approved requests to). Each message `{"requestId":"REQ-…"}` is run by
 * ./run-approved.ts (status and digest re-checked first). Partial batch failures are reported with
 * Powertools batch (`ReportBatchItemFailures`), so one failing request does not redeliver the
 * others (https://docs.aws.amazon.com/powertools/typescript/latest/features/batch/).
 * Env: `TABLE_NAME`.
 */
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { approvalEnv, ledgerFromEnv } from '../approvals/approval-lambda-deps';
import { loadConfig } from '../config/load-config';
import { createLogger } from '../logger';
import { chatUnavailable } from '../notify/unavailable-chat-notifier';
import { RecordingExecutions } from './execution.port';
import { type RunApprovedDeps, runApproved } from './run-approved';
import { executionMessageSchema } from './sqs-execution-queue';

const processor = new BatchProcessor(EventType.SQS);
let deps: RunApprovedDeps | undefined;

function buildDeps(): RunApprovedDeps {
  const config = loadConfig();
  const env = approvalEnv(process.env, []);
  // The dispatching executions (sandbox until the capability issues land) replace this twin.
  return {
    ledger: ledgerFromEnv(env, config),
    executions: new RecordingExecutions(),
    chat: chatUnavailable,
    logger: createLogger('chatops-execution-worker'),
  };
}

async function recordHandler(record: SQSRecord): Promise<void> {
  const current = deps ?? buildDeps();
  deps = current;
  const { requestId } = executionMessageSchema.parse(JSON.parse(record.body));
  const outcome = await runApproved(requestId, current);
  current.logger.info('execution hand-off processed', { requestId, outcome });
}

/** SQS handler with partial batch responses. */
export async function handler(event: SQSEvent): Promise<SQSBatchResponse> {
  return processPartialResponse(event, recordHandler, processor);
}
