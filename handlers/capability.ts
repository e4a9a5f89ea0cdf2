/**
 * What a capability (one intent's behaviour) provides to the router. Capabilities are functions of
 * `(input, deps)`; they know nothing of Slack or Lex wire types (DESIGN §6 rule 1).
 */
import type { ChatOpsConfig } from './config/config.schema';
import type { ChatOpsRequest, Requester } from './ledger/request';

/** The verified caller with the roles config gives them. */
export interface Caller extends Requester {
  roles: ReadonlySet<string>;
  /** The IAM user mapped to this Slack user in config, if any. */
  iamUser?: string;
}

/** Result of checking one slot value: `value` is the normalised value to keep. */
export type SlotCheck = { ok: true; value: string } | { ok: false; message: string };

export interface SlotCheckContext<D> {
  caller: Caller;
  /** Every slot value known so far (already-validated ones normalised). */
  slots: Readonly<Record<string, string | undefined>>;
  config: ChatOpsConfig;
  deps: D;
}

/** The reply of a capability that ran: a message, plus ids to keep on the request. */
export interface CapabilityResult {
  message: string;
  externalIds?: Record<string, string>;
}

export interface RunInput {
  caller: Caller;
  parameters: Record<string, string>;
  /** The ledger request, for tracked intents. */
  request?: ChatOpsRequest;
}

export interface Capability<D> {
  intent: string;
  /** Per-slot validators with real look-ups; run by the dialog hook and again before fulfilment. */
  slotChecks?: Readonly<Record<string, (value: string, ctx: SlotCheckContext<D>) => Promise<SlotCheck>>>;
  /**
   * The plain-language plan of the AWS calls a write request will make, one step per line, from
   * the same frozen parameters the executor will use (shown to approvers: email, page, Slack).
   */
  plan?: (parameters: Readonly<Record<string, string>>, config: ChatOpsConfig) => string[];
  /** How risky a write request is, for approvers (default `medium`). */
  risk?: (parameters: Readonly<Record<string, string>>) => 'low' | 'medium' | 'high';
  /** Runs a read-only intent immediately (write intents go through approval and execution). */
  run?: (input: RunInput, deps: D, config: ChatOpsConfig) => Promise<CapabilityResult>;
}
