/** RotateAccessKey: rotate an IAM user's access key safely (DESIGN §2). */
import { defineIntent } from './define-intent';

export const rotateAccessKeyIntent = defineIntent({
  id: 'RotateAccessKey',
  description: "Rotate an IAM user's access key (the new key goes to Secrets Manager, never to chat).",
  examples: ['rotate my access key', 'rotate the access key for ci-deployer'],
  utterances: [
    'rotate my access key',
    'rotate my AWS keys',
    'rotate my IAM access key',
    'I need to rotate my access key',
    'please rotate my credentials',
    'my access key needs rotating',
    'give me a new access key',
    'renew my access key',
    'refresh my AWS access key',
    'replace my access key',
    'my key was leaked',
    'new IAM key please',
    'rotate keys',
    'rotate access key for {UserName}',
    'rotate the access key of {UserName}',
    'rotate the keys for IAM user {UserName}',
    'rotate {UserName} access key',
    'I need a new access key for {UserName}',
    'renew the credentials of {UserName}',
    'replace the IAM key for {UserName}',
    'cycle the access key for {UserName}',
    'key rotation for {UserName}',
  ],
  slotTypes: [
    {
      name: 'IamUserNameValues',
      description: 'An IAM user name (examples only: validated against IAM and your permissions).',
      resolution: 'OriginalValue',
      values: [{ value: 'alice' }, { value: 'bob' }, { value: 'ci-deployer' }, { value: 'deploy-bot' }],
    },
  ],
  slots: [
    {
      name: 'UserName',
      description: 'The IAM user whose key is rotated ("me" means your own mapped IAM user).',
      type: 'IamUserNameValues',
      required: true,
      priority: 1,
      prompt: 'Which IAM user\'s access key should I rotate? Say "mine" for your own.',
      retryPrompt: 'Please give an IAM user name, e.g. ci-deployer, or say "mine".',
      sampleUtterances: ['for {UserName}', 'the user {UserName}', '{UserName}'],
    },
  ],
  confirmation: {
    prompt:
      'Rotate the access key of IAM user {UserName}? The new key will be stored in Secrets Manager and the old one deactivated in a few days.',
    declined: 'OK, I will not rotate the key.',
  },
  sideEffect: 'write',
  approval: 'whenOtherUser',
  requiredRoles: [],
  tracked: true,
  dialogHook: true,
});
