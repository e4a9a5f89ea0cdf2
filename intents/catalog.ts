/** The catalog: every intent the bot knows, in one registry (DESIGN §5 names). */
import type { IntentSpec } from './define-intent';
import { fallbackIntent } from './fallback.intent';
import { helpIntent } from './help.intent';
import { listDueAccessKeysIntent } from './list-due-access-keys.intent';
import { pipelineApprovalIntent } from './pipeline-approval.intent';
import { pipelineStatusIntent } from './pipeline-status.intent';
import { pipelineSummaryIntent } from './pipeline-summary.intent';
import { IntentRegistry } from './registry';
import { requestStatusIntent } from './request-status.intent';
import { retryPipelineStageIntent } from './retry-pipeline-stage.intent';
import { rotateAccessKeyIntent } from './rotate-access-key.intent';
import { vendAccountIntent } from './vend-account.intent';

/** The built-in intents, in help order (the fallback intent is added last by {@link catalogOf}). */
export const BUILT_IN_INTENTS: readonly Readonly<IntentSpec>[] = [
  vendAccountIntent,
  rotateAccessKeyIntent,
  listDueAccessKeysIntent,
  pipelineStatusIntent,
  pipelineSummaryIntent,
  pipelineApprovalIntent,
  retryPipelineStageIntent,
  requestStatusIntent,
  helpIntent,
];

/**
 * The built-in intents plus `extra` (an extension's, e.g. the worked example), the fallback last;
 * constructing it validates every spec (duplicate ids throw).
 */
export function catalogOf(extra: readonly Readonly<IntentSpec>[] = []): IntentRegistry {
  return new IntentRegistry([...BUILT_IN_INTENTS, ...extra, fallbackIntent]);
}

/** The built-in catalog (no extension); handlers/extensions.ts `catalogFor(config)` adds enabled ones. */
export const catalog = catalogOf();
