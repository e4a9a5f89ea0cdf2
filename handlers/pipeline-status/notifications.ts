/**
 * Pipeline notifications: a CodePipeline EventBridge event becomes one message in the pipeline's
 * channel (config `pipelines.channels`, else `pipelines.defaultChannel`, else the approvers
 * channel), once per event id (EventBridge delivers at least once), with a failure summary and
 * Status / Retry buttons on `FAILED`. Stage and action changes are announced only where config asks.
 */
import type { ChatOpsConfig } from '../config/config.schema';
import type { Deduplicator } from '../ledger/dedup.port';
import type { Logger } from '../logger';
import type { ChatNotice, ChatNotifier } from '../notify/chat-notifier.port';
import { failedStage, statusMark } from './pipeline-answer';
import { PipelineActionError } from './pipeline-errors';
import {
  ACTION_EXECUTION_CHANGE,
  type PipelineEvent,
  pipelineEventSchema,
  STAGE_EXECUTION_CHANGE,
} from './pipeline-events';
import type { PipelineReader } from './pipelines.port';

/** Buttons of a pipeline notification; the value is what a click says to the bot (as the clicker). */
export const PIPELINE_STATUS_ACTION = 'pipeline_status';
export const PIPELINE_RETRY_ACTION = 'pipeline_retry';
export const PIPELINE_ACTION = /^pipeline_(status|retry)$/;

export interface PipelineNotificationDeps {
  config: ChatOpsConfig;
  notifier: ChatNotifier;
  dedup: Deduplicator;
  pipelines: PipelineReader;
  logger: Logger;
}

export type NotificationOutcome = 'posted' | 'duplicate' | 'ignored';

const STATE_WORDS: Record<string, string> = {
  STARTED: 'InProgress',
  RESUMED: 'InProgress',
  SUCCEEDED: 'Succeeded',
  FAILED: 'Failed',
  STOPPED: 'Stopped',
  CANCELED: 'Cancelled',
  SUPERSEDED: 'Superseded',
};

/** Parses an EventBridge event; a bad one throws, naming the field (it goes to the DLQ, not lost). */
export function parsePipelineEvent(raw: unknown): PipelineEvent {
  const parsed = pipelineEventSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.join('.') || '(root)';
  throw new PipelineActionError(
    'PIPELINE_EVENT_INVALID',
    `Not a CodePipeline state change event: ${field}: ${issue?.message}`,
    { field },
  );
}

function wanted(event: PipelineEvent, config: ChatOpsConfig): boolean {
  const { notifyStates, stageEvents, actionEvents } = config.pipelines;
  if (!notifyStates.includes(event.detail.state)) return false;
  if (event['detail-type'] === STAGE_EXECUTION_CHANGE) return stageEvents;
  if (event['detail-type'] === ACTION_EXECUTION_CHANGE) return actionEvents;
  return true;
}

/** The channel a pipeline is announced in. */
export function pipelineChannel(pipeline: string, config: ChatOpsConfig): string {
  return (
    config.pipelines.channels[pipeline] ?? config.pipelines.defaultChannel ?? config.slack.approversChannel
  );
}

async function failureSummary(
  event: PipelineEvent,
  pipelines: PipelineReader,
): Promise<ChatNotice['fields']> {
  const state = await pipelines.getPipeline(event.detail.pipeline);
  const stage = state && failedStage(state);
  const action = stage?.actions.find((a) => a.status === 'Failed');
  if (!stage) return [];
  return [
    { label: 'Failed stage', value: `${stage.name}${action ? ` (${action.name})` : ''}` },
    ...(action?.errorDetails
      ? [{ label: 'Error', value: `${action.errorDetails.code}: ${action.errorDetails.message}` }]
      : []),
    ...(action?.externalUrl ? [{ label: 'Details', value: action.externalUrl }] : []),
  ];
}

/** The message for an event. */
export async function pipelineNotice(event: PipelineEvent, pipelines: PipelineReader): Promise<ChatNotice> {
  const { pipeline, state } = event.detail;
  const where = event.detail.action ?? event.detail.stage;
  const status = STATE_WORDS[state] ?? state;
  const text = `${statusMark(status)} Pipeline ${pipeline}${where ? ` (${where})` : ''}: ${state} — run ${event.detail['execution-id']}`;
  const statusButton = {
    actionId: PIPELINE_STATUS_ACTION,
    label: 'Status',
    value: `status of pipeline ${pipeline}`,
  };
  if (state !== 'FAILED') return { text, actions: [statusButton] };
  return {
    text,
    fields: await failureSummary(event, pipelines),
    actions: [
      statusButton,
      { actionId: PIPELINE_RETRY_ACTION, label: 'Retry', value: `retry ${pipeline}`, style: 'primary' },
    ],
  };
}

/**
 * Handles one EventBridge event: posts it once, or tells why not. A failed post releases the claim
 * and throws, so EventBridge's retry posts it (nothing lost).
 */
export async function handlePipelineEvent(
  raw: unknown,
  deps: PipelineNotificationDeps,
): Promise<NotificationOutcome> {
  const event = parsePipelineEvent(raw);
  if (!wanted(event, deps.config)) return 'ignored';
  if (!(await deps.dedup.claim(`codepipeline-event:${event.id}`))) {
    deps.logger.info('duplicate pipeline event dropped', { eventId: event.id });
    return 'duplicate';
  }
  try {
    const notice = await pipelineNotice(event, deps.pipelines);
    await deps.notifier.postToChannel(pipelineChannel(event.detail.pipeline, deps.config), notice);
    return 'posted';
  } catch (error) {
    await deps.dedup.release(`codepipeline-event:${event.id}`);
    throw error;
  }
}
