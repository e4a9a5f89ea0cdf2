/**
 * RetryPipelineStage: retry the failed actions of a pipeline's failed stage (same run, same
 * revision). A write intent, confirmed and audited; open to `requester` and `approver` by default.
 * Its approval policy defaults to `never`: a retry re-runs what already ran for the same revision
 * (config `intents.RetryPipelineStage.approval: always` makes it wait for an approver).
 */
import { defineIntent } from './define-intent';
import { pipelineNameValues } from './pipeline-status.intent';

export const retryPipelineStageIntent = defineIntent({
  id: 'RetryPipelineStage',
  description: 'Retry the failed stage of a pipeline (its failed actions only).',
  examples: ['retry payments-api', 'retry the failed stage of payments-api'],
  utterances: [
    'retry the pipeline',
    'retry the failed stage',
    'retry the build',
    'rerun the failed stage',
    'try the pipeline again',
    'retry {PipelineName}',
    'retry the {PipelineName} pipeline',
    'retry the failed stage of {PipelineName}',
    'retry the failed build of {PipelineName}',
    'rerun {PipelineName}',
    'rerun the failed stage of {PipelineName}',
    're-run {PipelineName}',
    'try {PipelineName} again',
    'restart the failed stage of {PipelineName}',
    'run the failed actions of {PipelineName} again',
    'give {PipelineName} another go',
    'kick {PipelineName} again',
    'retry failed actions in {PipelineName}',
    'please retry {PipelineName}',
    'retry the stage that failed in {PipelineName}',
    'run {PipelineName} once more',
    'retry the last failed run',
    'rerun the build',
    'kick off {PipelineName} again',
    'retrigger {PipelineName}',
    'give the build another shot',
    'redo the failed stage of {PipelineName}',
  ],
  slotTypes: [pipelineNameValues],
  slots: [
    {
      name: 'PipelineName',
      description: 'The pipeline whose failed stage is retried.',
      type: 'PipelineNameValues',
      required: true,
      priority: 1,
      prompt: 'Which pipeline should I retry?',
      retryPrompt: 'Please give a pipeline name, e.g. payments-api.',
      sampleUtterances: ['the {PipelineName} pipeline', '{PipelineName}'],
    },
  ],
  confirmation: {
    prompt: 'Retry the failed actions of {PipelineName} now?',
    declined: 'OK, I will not retry it.',
  },
  sideEffect: 'write',
  approval: 'never',
  requiredRoles: ['requester', 'approver'],
  tracked: true,
  dialogHook: true,
});
