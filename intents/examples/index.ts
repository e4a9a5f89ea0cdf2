/**
 * The worked example's intents (shipped disabled; config `examples.enabled` adds them to the
 * catalog through handlers/examples/). Listed here so config can name them while they are off.
 */
import { listOuAccountsIntent } from './list-ou-accounts.intent';

export const EXAMPLE_INTENTS = [listOuAccountsIntent] as const;
