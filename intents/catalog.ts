/** The catalog: every intent the bot knows, in one registry (DESIGN §5 names). */
import { fallbackIntent } from './fallback.intent';
import { helpIntent } from './help.intent';
import { listDueAccessKeysIntent } from './list-due-access-keys.intent';
import { pipelineStatusIntent } from './pipeline-status.intent';
import { IntentRegistry } from './registry';
import { requestStatusIntent } from './request-status.intent';
import { rotateAccessKeyIntent } from './rotate-access-key.intent';
import { vendAccountIntent } from './vend-account.intent';

/** The one catalog instance; constructing it validates every spec. */
export const catalog = new IntentRegistry([
  vendAccountIntent,
  rotateAccessKeyIntent,
  listDueAccessKeysIntent,
  pipelineStatusIntent,
  requestStatusIntent,
  helpIntent,
  fallbackIntent,
]);
