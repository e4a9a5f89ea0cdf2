/**
 * What the pipeline capabilities (status, summary, approval, retry) need from outside, and the
 * factories that build it: from ports (the sandbox world locally), or from SDK v3 clients created
 * once per Lambda container.
 */
import { CodePipelineClient } from '@aws-sdk/client-codepipeline';
import { HealthClient } from '@aws-sdk/client-health';
import type { Logger } from '../logger';
import { CodePipelineAdapter } from './codepipeline-adapter';
import { AwsHealthIssues, type HealthIssues, StaticHealthIssues } from './health.port';
import { PipelineDirectory } from './pipeline-directory';
import type { PipelineActions, PipelineReader } from './pipelines.port';

export interface PipelineStatusDeps {
  pipelines: PipelineReader & PipelineActions;
  /** The pipeline list, cached a minute per warm container, and name resolution. */
  pipelineDirectory: PipelineDirectory;
  health: HealthIssues;
}

/**
 * The pipeline capabilities' deps from their ports.
 * @example
 * const deps = pipelineStatusDeps({ pipelines: new SandboxCodePipeline() });
 */
export function pipelineStatusDeps(ports: {
  pipelines: PipelineReader & PipelineActions;
  health?: HealthIssues;
  now?: () => number;
}): PipelineStatusDeps {
  return {
    pipelines: ports.pipelines,
    pipelineDirectory: new PipelineDirectory(ports.pipelines, ports.now),
    health: ports.health ?? new StaticHealthIssues(),
  };
}

/**
 * The deps on real AWS: a CodePipeline client in `region` and a Health client on the global
 * endpoint (us-east-1). Call once per container.
 */
export function awsPipelineStatusDeps(region: string, logger: Logger): PipelineStatusDeps {
  const adapter = new CodePipelineAdapter(new CodePipelineClient({ region }), region);
  const health = new AwsHealthIssues(new HealthClient({ region: 'us-east-1' }), logger);
  return pipelineStatusDeps({ pipelines: adapter, health });
}
