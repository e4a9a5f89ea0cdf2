/**
 * PipelineApproval: approve or reject the manual approval a CodePipeline run waits at. A write
 * intent, confirmed and audited; open to the `approver` role by default (config
 * `intents.PipelineApproval.roles` changes it). Its approval policy defaults to `never`: the
 * decision is itself the human approval the pipeline asks for, made by a person the config allows
 * (config `intents.PipelineApproval.approval: always` adds a second person).
 */
import { defineIntent } from './define-intent';
import { pipelineNameValues } from './pipeline-status.intent';

export const pipelineApprovalIntent = defineIntent({
  id: 'PipelineApproval',
  description: "Approve or reject a pipeline's waiting manual approval.",
  examples: ['approve data-lake-etl', 'reject the manual approval of data-lake-etl'],
  utterances: [
    'approve the pipeline',
    'approve the manual approval',
    'approve the deployment',
    'reject the deployment',
    'reject the pipeline approval',
    'approve {PipelineName}',
    'reject {PipelineName}',
    'approve the {PipelineName} pipeline',
    'reject the {PipelineName} pipeline',
    'approve the manual approval of {PipelineName}',
    'reject the manual approval of {PipelineName}',
    'approve the deployment of {PipelineName}',
    'reject the deployment of {PipelineName}',
    'let {PipelineName} continue',
    'let {PipelineName} through',
    'stop {PipelineName} at the approval',
    'sign off {PipelineName}',
    'give the go ahead for {PipelineName}',
    '{Decision} {PipelineName}',
    '{Decision} the {PipelineName} pipeline',
    '{Decision} the manual approval of {PipelineName}',
    '{Decision} the approval',
    'approve it',
    'reject it',
    'approve the pending approval',
    'I approve the release of {PipelineName}',
    'decline the {PipelineName} deployment',
    '{PipelineName} is good to go',
    'approve the waiting deployment of {PipelineName}',
  ],
  slotTypes: [
    pipelineNameValues,
    {
      name: 'ApprovalDecisionValues',
      description: 'Approve or reject a manual approval.',
      resolution: 'TopResolution',
      values: [
        {
          value: 'Approve',
          synonyms: [
            'approve',
            'approved',
            'let it through',
            'continue',
            'sign off',
            'go ahead',
            'lgtm',
            'ship it',
            'green light',
            'greenlight',
            'proceed',
          ],
        },
        {
          value: 'Reject',
          synonyms: [
            'reject',
            'rejected',
            'deny',
            'decline',
            'no',
            'stop',
            'block',
            'halt',
            'refuse',
            'veto',
            'hold',
            'hold back',
          ],
        },
      ],
    },
  ],
  slots: [
    {
      name: 'PipelineName',
      description: 'The pipeline whose manual approval is decided.',
      type: 'PipelineNameValues',
      required: true,
      priority: 1,
      prompt: 'Which pipeline is waiting for your approval?',
      retryPrompt: 'Please give a pipeline name, e.g. data-lake-etl.',
      sampleUtterances: ['the {PipelineName} pipeline', '{PipelineName}'],
    },
    {
      name: 'Decision',
      description: 'Approve or Reject.',
      type: 'ApprovalDecisionValues',
      required: true,
      priority: 2,
      prompt: 'Approve or reject it?',
      retryPrompt: 'Please say approve or reject.',
      sampleUtterances: ['{Decision}', '{Decision} it'],
    },
  ],
  confirmation: {
    prompt:
      '{Decision} the manual approval of {PipelineName} now? The pipeline continues (or stops) at once.',
    declined: 'OK, I left the manual approval as it is.',
  },
  sideEffect: 'write',
  approval: 'never',
  requiredRoles: ['approver'],
  tracked: true,
  dialogHook: true,
});
