/** PipelineStatus: read-only, immediate; one line per stage with the failing or waiting action. */
import { pipelineStatusIntent } from '../../intents/pipeline-status.intent';
import type { Capability } from '../capability';
import type { PipelineStatusDeps } from './pipeline-status.deps';
import type { PipelineView } from './pipelines.port';

const ICON: Record<string, string> = {
  Succeeded: '✅',
  Failed: '❌',
  InProgress: '⏳',
  Stopped: '⏹',
  Cancelled: '⏹',
  NotRun: '▫️',
};

/** Plain-text rendering of a pipeline's latest state. */
export function renderPipeline(view: PipelineView): string {
  const stages = view.stages.map((s) => {
    const action = s.action ? ` — ${s.action.name}: ${s.action.message ?? s.action.status}` : '';
    return `${ICON[s.status] ?? '•'} ${s.name}: ${s.status}${action}`;
  });
  return [
    `Pipeline ${view.name} is ${view.status}${view.startedAt ? ` (run started ${view.startedAt})` : ''}.`,
    ...stages,
    `Console: ${view.consoleUrl}`,
  ].join('\n');
}

export const pipelineStatusCapability: Capability<PipelineStatusDeps> = {
  intent: pipelineStatusIntent.id,
  slotChecks: {
    async PipelineName(value, { deps }) {
      const name = value.trim();
      if (await deps.pipelines.pipelineExists(name)) return { ok: true, value: name };
      return { ok: false, message: `I can't find a pipeline named "${name.slice(0, 100)}". Which pipeline?` };
    },
  },
  async run({ parameters }, deps) {
    const name = parameters.PipelineName ?? '';
    const view = await deps.pipelines.getPipeline(name);
    if (!view) return { message: `I can't find a pipeline named "${name}".` };
    const externalIds: Record<string, string> = view.executionId ? { executionId: view.executionId } : {};
    return { message: renderPipeline(view), externalIds };
  },
};
