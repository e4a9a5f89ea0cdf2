/**
 * The local stack's CodePipeline: the sandbox twin, whose finished runs are delivered, as the
 * EventBridge events they would be, to the same notification handler the Lambda entry runs — so
 * the terminal chat shows "payments-api: SUCCEEDED" after a retry. `emit` delivers any event
 * (tests send one twice to see it posted once).
 */
import type { ChatOpsConfig } from '../handlers/config/config.schema';
import type { Deduplicator } from '../handlers/ledger/dedup.port';
import type { Logger } from '../handlers/logger';
import type { ChatNotifier } from '../handlers/notify/chat-notifier.port';
import { handlePipelineEvent, type NotificationOutcome } from '../handlers/pipeline-status/notifications';
import { SandboxCodePipeline } from '../handlers/sandbox/sandbox-codepipeline';

export interface LocalPipelines {
  pipelines: SandboxCodePipeline;
  /** Delivers an EventBridge event to the notification handler. */
  emit(event: unknown): Promise<NotificationOutcome | 'failed'>;
}

/** The sandbox pipelines wired to the notifications; `retryDelayMs` as the twin's (default 3 s). */
export function localPipelines(options: {
  config: ChatOpsConfig;
  notifier: () => ChatNotifier;
  dedup: Deduplicator;
  logger: Logger;
  retryDelayMs?: number;
}): LocalPipelines {
  let twin: SandboxCodePipeline | undefined;
  const emit = async (event: unknown): Promise<NotificationOutcome | 'failed'> => {
    try {
      const deps = { ...options, notifier: options.notifier(), pipelines: twin as SandboxCodePipeline };
      return await handlePipelineEvent(event, deps);
    } catch (error) {
      options.logger.warn('A sandbox pipeline event was not posted', { error });
      return 'failed';
    }
  };
  twin = new SandboxCodePipeline({
    ...(options.retryDelayMs === undefined ? {} : { retryDelayMs: options.retryDelayMs }),
    onEvent: (event) => void emit(event),
  });
  return { pipelines: twin, emit };
}
