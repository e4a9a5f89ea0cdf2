/**
 * What the pipeline capabilities share: resolving a spoken pipeline name to a real one (with the
 * candidates as choices when it is ambiguous or unknown), and who may decide a manual approval here.
 */
import { pipelineApprovalIntent } from '../../intents/pipeline-approval.intent';
import { ADMIN_ROLE, requiredRoles } from '../authz/roles';
import type { SlotCheck, SlotChoice } from '../capability';
import type { ChatOpsConfig } from '../config/config.schema';
import type { PipelineStatusDeps } from './pipeline-status.deps';

/** Pipeline names as buttons: each says and sends the name. */
export const asChoices = (names: readonly string[]): SlotChoice[] =>
  names.map((name) => ({ text: name, value: name }));

/** Checks a PipelineName slot against the real pipeline list. */
export async function checkPipelineName(value: string, deps: PipelineStatusDeps): Promise<SlotCheck> {
  const said = value.trim().slice(0, 100);
  const match = await deps.pipelineDirectory.resolve(said);
  if (match.kind === 'found') return { ok: true, value: match.name };
  if (match.kind === 'ambiguous') {
    return {
      ok: false,
      message: `Several pipelines match "${said}": ${match.candidates.join(', ')}. Which one?`,
      choices: asChoices(match.candidates),
    };
  }
  const hint = match.suggestions.length ? ` Did you mean ${match.suggestions.join(', ')}?` : '';
  return {
    ok: false,
    message: `I can't find a pipeline named "${said}".${hint} Which pipeline?`,
    choices: asChoices(match.suggestions),
  };
}

/** The Slack users config allows to decide a pipeline's manual approval (by role), as ids. */
export function pipelineApprovers(config: ChatOpsConfig): string[] {
  const roles = new Set([...requiredRoles(pipelineApprovalIntent, config), ADMIN_ROLE]);
  return config.users.filter((u) => u.roles.some((r) => roles.has(r))).map((u) => u.slackUserId);
}
