/** The RecognizeText response fixtures, typed as the SDK returns them (JSON imports widen enums to string). */
import type { RecognizeTextCommandOutput } from '@aws-sdk/client-lex-runtime-v2';
import closeFulfilled from '../../../fixtures/lex/recognize-text-close-fulfilled.json';
import confirmIntent from '../../../fixtures/lex/recognize-text-confirm-intent.json';
import elicitSlot from '../../../fixtures/lex/recognize-text-elicit-slot.json';
import responseCard from '../../../fixtures/lex/recognize-text-response-card.json';

const output = (json: unknown): RecognizeTextCommandOutput => ({ $metadata: {}, ...(json as object) });

export const lexFixtures = {
  closeFulfilled: output(closeFulfilled),
  confirmIntent: output(confirmIntent),
  elicitSlot: output(elicitSlot),
  responseCard: output(responseCard),
};
