/**
 * The AWS actions the pipeline capabilities and their notification entry call, as plain data for
 * the CDK stack (least privilege: exactly these, on these resources). `{region}` / `{account}` are
 * the stack's; pipelines are `arn:aws:codepipeline:{region}:{account}:<name>`.
 */
import type { AwsNeed } from '../capability';
export interface AwsGrant {
  actions: readonly string[];
  /** Resource ARN patterns; `*` only where the API has no resource-level permissions. */
  resources: readonly string[];
  why: string;
}

const PIPELINES = 'arn:aws:codepipeline:{region}:{account}:*';

/** Code hook (look-ups) and executors (actions). */
export const pipelineAwsActions: readonly AwsGrant[] = [
  {
    actions: ['codepipeline:ListPipelines'],
    resources: ['*'],
    why: 'ListPipelines has no resource-level permissions (https://docs.aws.amazon.com/service-authorization/latest/reference/list_awscodepipeline.html)',
  },
  {
    actions: [
      'codepipeline:GetPipelineState',
      'codepipeline:GetPipeline',
      'codepipeline:ListPipelineExecutions',
    ],
    resources: [PIPELINES],
    why: 'status answers, the approval token and CustomData, the run history',
  },
  {
    actions: ['codepipeline:PutApprovalResult'],
    resources: ['arn:aws:codepipeline:{region}:{account}:*/*/*'],
    why: 'PipelineApproval executor (resource is pipeline/stage/action)',
  },
  {
    actions: ['codepipeline:RetryStageExecution'],
    resources: [PIPELINES],
    why: 'RetryPipelineStage executor',
  },
  {
    actions: ['health:DescribeEvents'],
    resources: ['*'],
    why: 'AWS Health DescribeEvents has no resource-level permissions; read-only',
  },
];

/** The notifications entry: reads the failed stage for the summary. */
export const pipelineNotificationAwsActions: readonly AwsGrant[] = [
  {
    actions: ['codepipeline:GetPipelineState'],
    resources: [PIPELINES],
    why: 'failure summary of a FAILED event',
  },
];

const EXECUTOR_ACTIONS = ['codepipeline:PutApprovalResult', 'codepipeline:RetryStageExecution'];
const toNeed = (grant: AwsGrant, by: AwsNeed['by']): AwsNeed => ({
  actions: grant.actions,
  resources: grant.resources,
  by,
  why: grant.why,
});

/** What every pipeline capability's look-ups read (`Capability.awsNeeds`). */
export const pipelineReadNeeds: readonly AwsNeed[] = pipelineAwsActions
  .filter((g) => !g.actions.some((a) => EXECUTOR_ACTIONS.includes(a)))
  .map((g) => toNeed(g, ['codeHook']));

/** The read needs plus the executor's one action (`codepipeline:PutApprovalResult` or `…:RetryStageExecution`). */
export function pipelineExecutorNeeds(action: string): readonly AwsNeed[] {
  return [
    ...pipelineReadNeeds,
    ...pipelineAwsActions.filter((g) => g.actions.includes(action)).map((g) => toNeed(g, ['executor'])),
  ];
}
