/**
 * Block Kit action ids and button values: the contract between what the renderer draws and what
 * the `block_actions` listeners accept. Conversation buttons carry the utterance they stand for and
 * the user whose conversation they belong to, so a click is one more utterance in that user's Lex
 * session (DESIGN §2 step 5) and nobody else can answer for them.
 */
import * as z from 'zod';

/** Slot-value buttons (enumerated slot values and Lex response-card buttons): `lex_slot_value_<n>`. */
export const SLOT_VALUE_ACTION = /^lex_slot_value_\d+$/;
export const slotValueActionId = (index: number): string => `lex_slot_value_${index}`;
export const CONFIRM_YES_ACTION = 'lex_confirm_yes';
export const CONFIRM_NO_ACTION = 'lex_confirm_no';
export const CONFIRM_ACTION = /^lex_confirm_(yes|no)$/;
/** Approval buttons (the approvals issue posts them in the approvers' channel; value = request id). */
export { APPROVE_ACTION } from '../../handlers/approvals/approval-notices';
export const APPROVAL_ACTION = /^approval_(approve|reject)$/;

/** The value of a conversation button. */
export interface ChoiceValue {
  /** Slack user id of the conversation's owner. */
  owner: string;
  /** What clicking says to Lex. */
  utterance: string;
}

const choiceSchema = z.object({ o: z.string().min(1), u: z.string().min(1).max(1024) });

/** Slack button values are at most 2000 characters (https://api.slack.com/reference/block-kit/block-elements#button). */
export function encodeChoice(choice: ChoiceValue): string {
  return JSON.stringify({ o: choice.owner, u: choice.utterance.slice(0, 1024) });
}

/** The choice in a button value, or `undefined` when it is not one of ours. */
export function decodeChoice(value: string | undefined): ChoiceValue | undefined {
  if (!value) return undefined;
  try {
    const parsed = choiceSchema.safeParse(JSON.parse(value));
    return parsed.success ? { owner: parsed.data.o, utterance: parsed.data.u } : undefined;
  } catch {
    return undefined;
  }
}
