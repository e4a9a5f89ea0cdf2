/**
 * JoinIdentityCenterGroup — the worked example of a write intent a team adds (CONTRIBUTING.md,
 * "Add an intent"): the requester joins an IAM Identity Center group for a few hours, after
 * approval; the membership is removed when the time is up (handlers/group-access/expiry-sweep.ts).
 * Shipped disabled; config `examples.enabled` turns it on, `examples.groupAccess` names the
 * identity store, the groups one may join and the longest stay.
 */
import { defineIntent } from '../define-intent';

export const joinIdentityCenterGroupIntent = defineIntent({
  id: 'JoinIdentityCenterGroup',
  description:
    'Join an IAM Identity Center group for a few hours (removed automatically when the time is up).',
  examples: ['add me to the Developers group for 4 hours', 'join an Identity Center group'],
  utterances: [
    'add me to the {GroupName} group for {Hours} hours',
    'add me to {GroupName} for {Hours} hours',
    'put me in the {GroupName} group for {Hours} hours',
    'join {GroupName} for {Hours} hours',
    'I need {GroupName} access for {Hours} hours',
    'add me to the {GroupName} group',
    'join the {GroupName} group',
    'add me to an Identity Center group',
    'join an Identity Center group',
    'I need temporary group access',
    'add me to an SSO group for a few hours',
  ],
  slotTypes: [
    {
      name: 'IdentityCenterGroupValues',
      description:
        'An Identity Center group display name (examples only: checked against config and the identity store).',
      resolution: 'OriginalValue',
      values: [{ value: 'Developers' }, { value: 'ReadOnly' }, { value: 'Billing' }],
    },
  ],
  slots: [
    {
      name: 'GroupName',
      description: 'The Identity Center group to join (one of the groups config allows).',
      type: 'IdentityCenterGroupValues',
      required: true,
      priority: 1,
      prompt: 'Which Identity Center group?',
      retryPrompt: 'Please name one of the groups you may join, e.g. Developers.',
      sampleUtterances: ['the {GroupName} group', '{GroupName}'],
    },
    {
      name: 'Hours',
      description: 'For how many hours (1 to the configured maximum).',
      type: 'AMAZON.Number',
      required: true,
      priority: 2,
      prompt: 'For how many hours?',
      retryPrompt: 'Please give a number of hours, e.g. 4.',
      sampleUtterances: ['for {Hours} hours', '{Hours} hours', '{Hours}'],
    },
  ],
  confirmation: {
    prompt:
      'Add you to the Identity Center group {GroupName} for {Hours} hours? You will be removed when the time is up.',
    declined: 'OK, I will not add you to the group.',
  },
  sideEffect: 'write',
  approval: 'always',
  requiredRoles: [],
  tracked: true,
  dialogHook: true,
});
