/**
 * PipelineSummary: one line per pipeline (status mark, name, latest run, age), a page at a time.
 * Its own read-only intent rather than a mode of PipelineStatus: it has no pipeline to elicit
 * (PipelineStatus's `PipelineName` is required by the contract) and a page number instead, and
 * "how are my pipelines" must not be answered with "Which pipeline?".
 */
import { defineIntent } from './define-intent';

export const pipelineSummaryIntent = defineIntent({
  id: 'PipelineSummary',
  description: 'Summarise every pipeline: one line each, a page at a time.',
  examples: ['how are my pipelines', 'all pipelines', 'pipelines page 2'],
  utterances: [
    'all pipelines',
    'how are my pipelines',
    'how are my pipelines doing',
    'how are all the pipelines',
    'show all pipelines',
    'show me every pipeline',
    'list pipelines',
    'list all pipelines',
    'list my pipelines',
    'pipeline summary',
    'pipelines overview',
    'summary of all pipelines',
    'status of all pipelines',
    'status of every pipeline',
    'are all pipelines green',
    'which pipelines are failing',
    'which pipelines are red',
    'any broken pipelines',
    'pipelines page {Page}',
    'show pipelines page {Page}',
    'page {Page} of the pipelines',
    'next pipelines page {Page}',
    'the {Page} page of the pipeline summary',
    'pipeline dashboard',
    'what is red across the pipelines',
    'give me a pipelines report',
    'health of all pipelines',
    'how is everything looking across the pipelines',
    'overview of every pipeline',
  ],
  slotTypes: [],
  slots: [
    {
      name: 'Page',
      description: 'Which page of the summary (20 pipelines a page; 1 when not given).',
      type: 'AMAZON.Number',
      required: false,
      priority: 1,
      prompt: 'Which page?',
      retryPrompt: 'Please give a page number, e.g. 2.',
    },
  ],
  sideEffect: 'read',
  approval: 'never',
  requiredRoles: [],
  tracked: false,
  dialogHook: true,
});
