/**
 * PipelineSummary: one line per pipeline — status mark, name, latest run, age — a page at a time
 * (20 a page), so a large account is neither one huge message nor hundreds of API calls: the list
 * comes from the cached ListPipelines, the latest run only for the pipelines on the page.
 */
import { pipelineSummaryIntent } from '../../intents/pipeline-summary.intent';
import type { Capability, SlotCheck } from '../capability';
import { formatDuration, statusMark } from './pipeline-answer';
import { pipelineReadNeeds } from './pipeline-aws-actions';
import type { PipelineStatusDeps } from './pipeline-status.deps';

export const SUMMARY_PAGE_SIZE = 20;
/** Look-ups of latest runs at once (CodePipeline's API rate limits are per account). */
const CONCURRENCY = 5;

async function latestRuns(names: string[], deps: PipelineStatusDeps) {
  const out = new Map<
    string,
    Awaited<ReturnType<PipelineStatusDeps['pipelines']['listExecutions']>>[number]
  >();
  for (let i = 0; i < names.length; i += CONCURRENCY) {
    const batch = names.slice(i, i + CONCURRENCY);
    const runs = await Promise.all(batch.map((n) => deps.pipelines.listExecutions(n, 1)));
    batch.forEach((n, j) => {
      const run = runs[j]?.[0];
      if (run) out.set(n, run);
    });
  }
  return out;
}

/**
 * The summary page `page` (1-based; past the end shows the last page).
 * @example
 * await summarisePipelines(1, deps) // "Pipelines 1–20 of 123:\n✅ data-lake-etl · …"
 */
export async function summarisePipelines(
  page: number,
  deps: PipelineStatusDeps,
  now = Date.now(),
): Promise<string> {
  const all = await deps.pipelineDirectory.list();
  if (all.length === 0) return 'There are no pipelines in this account and region.';
  const pages = Math.ceil(all.length / SUMMARY_PAGE_SIZE);
  const current = Math.min(Math.max(1, page), pages);
  const slice = all.slice((current - 1) * SUMMARY_PAGE_SIZE, current * SUMMARY_PAGE_SIZE);
  const runs = await latestRuns(
    slice.map((p) => p.name),
    deps,
  );
  const lines = slice.map((p) => {
    const run = runs.get(p.name);
    if (!run) return `${statusMark('NotRun')} ${p.name} · no runs yet`;
    const age = run.startedAt ? ` · ${formatDuration(now - Date.parse(run.startedAt))} ago` : '';
    return `${statusMark(run.status)} ${p.name} · ${run.status} · run ${run.id.slice(0, 8)}${age}`;
  });
  const first = (current - 1) * SUMMARY_PAGE_SIZE + 1;
  const more =
    current < pages ? `\nPage ${current} of ${pages}. Say "pipelines page ${current + 1}" for more.` : '';
  return `Pipelines ${first}–${first + slice.length - 1} of ${all.length}:\n${lines.join('\n')}${more}`;
}

export const pipelineSummaryCapability: Capability<PipelineStatusDeps> = {
  awsNeeds: pipelineReadNeeds,
  intent: pipelineSummaryIntent.id,
  slotChecks: {
    async Page(value): Promise<SlotCheck> {
      const page = Number(value);
      if (Number.isInteger(page) && page >= 1) return { ok: true, value: String(page) };
      return { ok: false, message: `"${value.slice(0, 20)}" is not a page number. Which page?` };
    },
  },
  async run({ parameters }, deps) {
    return { message: await summarisePipelines(Number(parameters.Page ?? '1'), deps) };
  },
};
