/** ListDueAccessKeys: read-only list of access keys older than the maximum age (DESIGN §2). */
import { defineIntent } from './define-intent';

export const listDueAccessKeysIntent = defineIntent({
  id: 'ListDueAccessKeys',
  description:
    'List the access keys older than the maximum age (yours; everyone’s for admins), with age and last use.',
  examples: ['which keys are due?', 'which access keys need rotating?'],
  utterances: [
    'which keys are due',
    'which keys are due for rotation',
    'which access keys are due',
    'which access keys need rotating',
    'which of my keys need rotation',
    'list old access keys',
    'list keys due for rotation',
    'show me keys that need rotating',
    'show overdue access keys',
    'are any of my access keys too old',
    'is my access key too old',
    'are my keys overdue',
    'how old are my access keys',
    'access keys older than 90 days',
    'stale access keys',
    'which IAM keys are expiring',
    'report on old IAM keys',
    'key rotation report',
    'what keys should be rotated',
    'any keys overdue for rotation',
    'list aging credentials',
  ],
  slotTypes: [],
  slots: [],
  sideEffect: 'read',
  approval: 'never',
  requiredRoles: [],
  tracked: true,
  dialogHook: false,
});
