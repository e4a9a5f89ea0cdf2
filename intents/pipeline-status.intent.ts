/** PipelineStatus: read-only CodePipeline status (DESIGN §2). */
import { defineIntent, type SlotTypeSpec } from './define-intent';

/** Pipeline names (examples only: validated against CodePipeline); shared by the pipeline intents. */
export const pipelineNameValues: SlotTypeSpec = {
  name: 'PipelineNameValues',
  description: 'A CodePipeline pipeline name (examples only: validated against CodePipeline).',
  resolution: 'OriginalValue',
  values: [
    { value: 'web-app' },
    { value: 'payments-api' },
    { value: 'data-lake-etl' },
    { value: 'mobile-backend' },
    { value: 'infra-baseline' },
  ],
};

export const pipelineStatusIntent = defineIntent({
  id: 'PipelineStatus',
  description: 'Show the status of a CodePipeline pipeline, stage by stage.',
  examples: ['status of pipeline web-app', 'is payments-api green?'],
  utterances: [
    'pipeline status',
    'show me the pipeline status',
    'how is my pipeline doing',
    'check a pipeline',
    'what is the state of the pipeline',
    'did the build pass',
    'is the deploy finished',
    'show the CI status',
    'status of pipeline {PipelineName}',
    'what is the status of {PipelineName}',
    'how is {PipelineName} doing',
    'is {PipelineName} green',
    'is {PipelineName} broken',
    'did {PipelineName} pass',
    'did {PipelineName} fail',
    'show me {PipelineName} pipeline',
    'check the {PipelineName} pipeline',
    'where is {PipelineName} stuck',
    'why did {PipelineName} fail',
    'pipeline {PipelineName}',
    'last run of {PipelineName}',
    'is the {PipelineName} deployment done',
    'is the build green',
    'show codepipeline for {PipelineName}',
    'what happened to {PipelineName}',
    'is {PipelineName} waiting for approval',
  ],
  slotTypes: [pipelineNameValues],
  slots: [
    {
      name: 'PipelineName',
      description: 'The pipeline to look at.',
      type: 'PipelineNameValues',
      required: true,
      priority: 1,
      prompt: 'Which pipeline?',
      retryPrompt: 'Please give a pipeline name, e.g. web-app.',
      sampleUtterances: ['the {PipelineName} pipeline', '{PipelineName}'],
    },
  ],
  sideEffect: 'read',
  approval: 'never',
  requiredRoles: [],
  tracked: true,
  dialogHook: true,
});
