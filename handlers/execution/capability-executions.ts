/**
 * The `Executions` of the core: an `APPROVED` write request goes to the `execute` of the
 * capability its intent names, and this class owns `APPROVED → IN_PROGRESS → SUCCEEDED | FAILED`
 * (each a conditional ledger transition with its audit event), keeps the executor's external ids,
 * and tells the requester the outcome in the request's original Slack thread through the
 * chat-notifier port. A capability with `launch` (work that completes later, such as account
 * vending) is handed the `APPROVED` request instead and owns its transitions itself. It never throws: a failing executor leaves the request `FAILED` with a safe
 * reason code, and a failing notification is logged.
 */
import type { CapabilityMap } from '../capabilities';
import type { CapabilityResult } from '../capability';
import type { ChatOpsConfig } from '../config/config.schema';
import { ChatOpsError } from '../errors';
import type { Ledger } from '../ledger/ledger.port';
import type { ChatOpsRequest } from '../ledger/request';
import type { Logger } from '../logger';
import type { ChatNotice, ChatNotifier } from '../notify/chat-notifier.port';
import type { Executions } from './execution.port';

/** The ledger actor of every transition made by an executor. */
export const EXECUTOR_ACTOR = 'system';

/** Reason codes set on a `FAILED` request when no capability error code applies. */
export const NO_EXECUTOR = 'NO_EXECUTOR';
export const EXECUTION_FAILED = 'INTERNAL';

export interface CapabilityExecutionsOptions<D> {
  capabilities: CapabilityMap<D>;
  /** What the executors are given (the capability deps, built by each folder's factory). */
  deps: D;
  config: ChatOpsConfig;
  ledger: Ledger;
  notifier: ChatNotifier;
  logger: Logger;
}

/** The stable code of a failure (a ChatOpsError's `code`), never its message. */
function reasonCode(error: unknown): string {
  return error instanceof ChatOpsError ? error.code : EXECUTION_FAILED;
}

/** Dispatches approved requests to their capability's executor by `request.intent`. */
export class CapabilityExecutions<D> implements Executions {
  constructor(private readonly options: CapabilityExecutionsOptions<D>) {}

  /** Runs `request` (which must be `APPROVED`) to `SUCCEEDED` or `FAILED`. Never throws. */
  async start(request: ChatOpsRequest): Promise<void> {
    const { capabilities, ledger, logger } = this.options;
    const capability = capabilities.get(request.intent);
    if (capability?.launch) {
      // Completes later (e.g. account vending): the capability owns every transition from APPROVED.
      await capability.launch({ request }, this.options.deps, this.options.config).catch((error: unknown) => {
        logger.error('launch failed', {
          requestId: request.id,
          intent: request.intent,
          code: reasonCode(error),
        });
      });
      return;
    }
    if (!capability?.execute) {
      logger.error('no executor for an approved request', { requestId: request.id, intent: request.intent });
      await this.settle(request, 'APPROVED', NO_EXECUTOR);
      return;
    }
    let running: ChatOpsRequest;
    try {
      running = await ledger.transition(request.id, 'APPROVED', 'IN_PROGRESS', EXECUTOR_ACTOR);
    } catch (error) {
      // Someone else started or cancelled it first (or the ledger is down): nothing ran, nothing to say.
      logger.warn('could not start an approved request', { requestId: request.id, code: reasonCode(error) });
      return;
    }
    let result: CapabilityResult;
    try {
      result = await capability.execute({ request: running }, this.options.deps, this.options.config);
    } catch (error) {
      logger.error('executor failed', { requestId: request.id, intent: request.intent, error });
      await this.settle(running, 'IN_PROGRESS', reasonCode(error), safeMessage(error));
      return;
    }
    await this.succeed(running, result);
  }

  private async succeed(running: ChatOpsRequest, result: CapabilityResult): Promise<void> {
    try {
      const done = await this.options.ledger.transition(
        running.id,
        'IN_PROGRESS',
        'SUCCEEDED',
        EXECUTOR_ACTOR,
        {
          ...(result.externalIds ? { externalIds: result.externalIds } : {}),
        },
      );
      await this.tell(done, succeededNotice(done, result));
    } catch (error) {
      this.options.logger.error('could not record a finished execution', {
        requestId: running.id,
        code: reasonCode(error),
      });
    }
  }

  /** Moves the request to `FAILED` with `reason` and tells the requester. */
  private async settle(
    request: ChatOpsRequest,
    from: 'APPROVED' | 'IN_PROGRESS',
    reason: string,
    message?: string,
  ): Promise<void> {
    try {
      const failed = await this.options.ledger.transition(request.id, from, 'FAILED', EXECUTOR_ACTOR, {
        reason,
      });
      await this.tell(failed, failedNotice(failed, reason, message));
    } catch (error) {
      this.options.logger.error('could not record a failed execution', {
        requestId: request.id,
        reason,
        code: reasonCode(error),
      });
    }
  }

  private async tell(request: ChatOpsRequest, notice: ChatNotice): Promise<void> {
    try {
      await this.options.notifier.postToThread(request.origin, notice);
    } catch (error) {
      this.options.logger.warn('could not post the outcome to the thread', { requestId: request.id, error });
    }
  }
}

/** What the requester reads when their request succeeded. */
export function succeededNotice(request: ChatOpsRequest, result: CapabilityResult): ChatNotice {
  return {
    text: `Request ${request.id} (${request.intent}) succeeded.`,
    fields: Object.entries(result.externalIds ?? {}).map(([label, value]) => ({ label, value })),
    detail: result.message,
    mentions: [request.requester.slackUserId],
  };
}

/**
 * What the requester reads when their request failed: the reason code, and as detail the
 * `publicMessage` of an error that declares one (written to be shown), never an error's message.
 */
export function failedNotice(request: ChatOpsRequest, reason: string, message?: string): ChatNotice {
  return {
    text: `Request ${request.id} (${request.intent}) failed (${reason}). Nothing more will happen; ask me for the status of ${request.id} for its history.`,
    ...(message ? { detail: message } : {}),
    mentions: [request.requester.slackUserId],
  };
}

/** The `publicMessage` a ChatOps error declares for people (e.g. a CodePipeline refusal), if any. */
function safeMessage(error: unknown): string | undefined {
  if (!(error instanceof ChatOpsError)) return undefined;
  const shown = (error as { publicMessage?: unknown }).publicMessage;
  return typeof shown === 'string' ? shown : undefined;
}
