/** FallbackIntent: what Lex picks when nothing else is confident enough (parent AMAZON.FallbackIntent). */
import { defineIntent } from './define-intent';

export const fallbackIntent = defineIntent({
  id: 'FallbackIntent',
  description: 'Anything I did not understand.',
  examples: [],
  utterances: [],
  slotTypes: [],
  slots: [],
  sideEffect: 'read',
  approval: 'never',
  requiredRoles: [],
  tracked: false,
  parentIntent: 'AMAZON.FallbackIntent',
  dialogHook: false,
});
