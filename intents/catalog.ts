/** The catalog: every intent the bot knows, in one registry (DESIGN §5 names). */
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

/** The one catalog instance; constructing it validates every spec. */
export const catalog = new IntentRegistry([
  vendAccountIntent,
  rotateAccessKeyIntent,
  listDueAccessKeysIntent,
  pipelineStatusIntent,
  pipelineSummaryIntent,
  pipelineApprovalIntent,
  retryPipelineStageIntent,
  requestStatusIntent,
  helpIntent,
  fallbackIntent,
]);
