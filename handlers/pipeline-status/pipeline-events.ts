/**
 * CodePipeline's EventBridge events (https://docs.aws.amazon.com/codepipeline/latest/userguide/detect-state-changes-cloudwatch-events.html):
 * "CodePipeline Pipeline Execution State Change", "CodePipeline Stage Execution State Change" and
 * "CodePipeline Action Execution State Change". Parsed leniently where the service varies: the
 * `detail.version` of older events is a string ("1"), newer ones a number; V2 pipelines add fields.
 */
import * as z from 'zod';

export const PIPELINE_EXECUTION_CHANGE = 'CodePipeline Pipeline Execution State Change';
export const STAGE_EXECUTION_CHANGE = 'CodePipeline Stage Execution State Change';
export const ACTION_EXECUTION_CHANGE = 'CodePipeline Action Execution State Change';

export const pipelineEventSchema = z.object({
  id: z.string().min(1),
  'detail-type': z.enum([PIPELINE_EXECUTION_CHANGE, STAGE_EXECUTION_CHANGE, ACTION_EXECUTION_CHANGE]),
  source: z.literal('aws.codepipeline'),
  region: z.string().min(1),
  time: z.string(),
  detail: z.object({
    pipeline: z.string().min(1),
    'execution-id': z.string().min(1),
    state: z.string().min(1),
    version: z.union([z.number(), z.string()]).optional(),
    stage: z.string().optional(),
    action: z.string().optional(),
    'pipeline-execution-attempt': z.number().optional(),
  }),
});

export type PipelineEvent = z.output<typeof pipelineEventSchema>;

/**
 * A pipeline execution state change event, as EventBridge delivers it (the sandbox world emits
 * these; tests build them too).
 */
export function pipelineExecutionEvent(input: {
  id: string;
  pipeline: string;
  executionId: string;
  state: string;
  region: string;
  account?: string;
  time?: string;
}): PipelineEvent & { version: string; account: string; resources: string[] } {
  const account = input.account ?? '111111111111';
  return {
    version: '0',
    id: input.id,
    'detail-type': PIPELINE_EXECUTION_CHANGE,
    source: 'aws.codepipeline',
    account,
    time: input.time ?? new Date().toISOString(),
    region: input.region,
    resources: [`arn:aws:codepipeline:${input.region}:${account}:${input.pipeline}`],
    detail: { pipeline: input.pipeline, 'execution-id': input.executionId, state: input.state, version: 1 },
  };
}
