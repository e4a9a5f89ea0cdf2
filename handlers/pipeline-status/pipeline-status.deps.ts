/** What PipelineStatus needs from outside, and the factory that builds it from ports and config. */
import type { PipelineReader } from './pipelines.port';

export interface PipelineStatusDeps {
  pipelines: PipelineReader;
}

/**
 * PipelineStatus's deps from its ports (the CodePipeline adapter in AWS, the sandbox world locally).
 * @example
 * const deps = pipelineStatusDeps({ pipelines: new SandboxCloud() });
 */
export function pipelineStatusDeps(ports: { pipelines: PipelineReader }): PipelineStatusDeps {
  return { pipelines: ports.pipelines };
}
