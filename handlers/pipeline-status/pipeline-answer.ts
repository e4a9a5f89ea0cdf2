/**
 * The plain-text answer about one pipeline (readable in the terminal chat; the Slack side renders
 * it as sections and moves long answers to the thread): the run, each stage with a status mark,
 * the failing action with its error and link, a waiting manual approval with who may decide it
 * here, the last runs with their durations, open AWS Health issues, and the console link.
 */
import type { HealthIssue } from './health.port';
import type { ActionView, ExecutionSummary, PipelineState, StageView } from './pipelines.port';

const MARK: Record<string, string> = {
  Succeeded: '✅',
  Failed: '❌',
  InProgress: '⏳',
  Stopped: '⏹',
  Stopping: '⏹',
  Cancelled: '⏹',
  Abandoned: '⏹',
  Superseded: '↪️',
  NotRun: '▫️',
};

/** The status mark of a stage, action or execution status. */
export function statusMark(status: string): string {
  return MARK[status] ?? '•';
}

/** `6m 12s`, `2h 5m`, `40s`. */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${s % 60}s`;
  return `${Math.floor(m / 60)}h ${m % 60}m`;
}

/** The waiting manual approval of a pipeline, if any (the stage and its action). */
export function waitingApproval(state: PipelineState): { stage: StageView; action: ActionView } | undefined {
  for (const stage of state.stages) {
    const action = stage.actions.find((a) => a.token && a.status === 'InProgress');
    if (action) return { stage, action };
  }
  return undefined;
}

/** The failed stage of the latest run, if any. */
export function failedStage(state: PipelineState): StageView | undefined {
  return state.stages.find((s) => s.status === 'Failed');
}

/** The overall status: the latest run's, else derived from the stages. */
export function pipelineStatus(state: PipelineState, latest?: ExecutionSummary): string {
  if (latest) return latest.status;
  if (failedStage(state)) return 'Failed';
  if (state.stages.some((s) => s.status === 'InProgress')) return 'InProgress';
  return state.stages.every((s) => s.status === 'Succeeded') ? 'Succeeded' : 'NotRun';
}

export interface AnswerInput {
  state: PipelineState;
  executions: readonly ExecutionSummary[];
  health: readonly HealthIssue[];
  /** Who may decide a manual approval here (names or ids from config). */
  approvers: readonly string[];
  now: number;
}

function stageLines(stage: StageView, approvers: readonly string[], pipeline: string): string[] {
  const failing = stage.actions.find((a) => a.status === 'Failed');
  const waiting = stage.actions.find((a) => a.token && a.status === 'InProgress');
  const shown = failing ?? waiting;
  const what = failing?.errorDetails?.message ?? failing?.summary ?? (waiting ? 'waiting for approval' : '');
  const head = `${statusMark(stage.status)} ${stage.name}: ${stage.status}${shown ? ` — ${shown.name}: ${what || shown.status}` : ''}`;
  const lines = [head];
  if (failing?.errorDetails?.code) lines.push(`    Error code: ${failing.errorDetails.code}`);
  if (failing?.externalUrl) lines.push(`    Details: ${failing.externalUrl}`);
  if (waiting) {
    if (waiting.approvalMessage) lines.push(`    Approval: ${waiting.approvalMessage}`);
    if (waiting.externalUrl) lines.push(`    Review: ${waiting.externalUrl}`);
    lines.push(`    May approve here: ${approvers.length ? approvers.join(', ') : 'nobody configured'}`);
    lines.push(`    Say "approve ${pipeline}" or "reject ${pipeline}".`);
  }
  if (failing) lines.push(`    Say "retry ${pipeline}" to retry the failed actions of ${stage.name}.`);
  return lines;
}

function runLine(e: ExecutionSummary, now: number): string {
  const start = e.startedAt ? Date.parse(e.startedAt) : undefined;
  const end = e.status === 'InProgress' ? now : e.updatedAt ? Date.parse(e.updatedAt) : undefined;
  const took = start !== undefined && end !== undefined ? ` · ${formatDuration(end - start)}` : '';
  return `  ${statusMark(e.status)} ${e.id.slice(0, 8)} ${e.status} · ${e.startedAt ?? 'start unknown'}${took}`;
}

/** The whole answer, one line per fact. */
export function renderPipelineAnswer(input: AnswerInput): string {
  const { state, executions, health, approvers, now } = input;
  const latest = executions[0];
  const status = pipelineStatus(state, latest);
  const run = latest
    ? ` (run ${latest.id}${latest.startedAt ? `, started ${latest.startedAt}` : ''}${latest.trigger ? `, trigger ${latest.trigger}` : ''})`
    : '';
  const lines = [`Pipeline ${state.name} is ${status}${run}.`];
  for (const stage of state.stages) lines.push(...stageLines(stage, approvers, state.name));
  if (executions.length > 1) lines.push('Recent runs:', ...executions.map((e) => runLine(e, now)));
  for (const issue of health) {
    lines.push(
      `⚠️ AWS Health: open ${issue.service} issue in ${issue.region} (${issue.eventTypeCode}${issue.startedAt ? `, since ${issue.startedAt}` : ''}).`,
    );
  }
  lines.push(`Console: ${state.consoleUrl}`);
  return lines.join('\n');
}
