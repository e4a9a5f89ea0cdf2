/**
 * DialogCodeHook: validates each filled slot with the capability's real look-ups, in slot priority
 * order, and either re-elicits the first bad one with a specific message or delegates to Lex with the
 * normalised values. Accepted values are remembered in session attributes only to avoid repeating
 * look-ups during the dialog; fulfilment re-checks everything and never trusts that cache.
 */
import type { IntentSpec } from '../intents/define-intent';
import { approvalRequirement } from './approvals/approval-policy';
import type { Caller, Capability, SlotChoice } from './capability';
import type { CapabilityDeps, CodeHookDeps } from './deps';
import type { LexCodeHookEvent, LexCodeHookResponse, LexSlot } from './lex/lex-event';
import { scalarSlot, slotValue } from './lex/lex-event';
import { close, confirmIntent, delegate, elicitSlot } from './lex/responses';

const CACHE_PREFIX = 'chatops:accepted:';

export type SlotOutcome =
  | { ok: true; slots: Record<string, LexSlot | null>; values: Record<string, string> }
  | {
      ok: false;
      slot: string;
      message: string;
      final: boolean;
      choices?: readonly SlotChoice[];
      slots: Record<string, LexSlot | null>;
    };

/**
 * Checks every filled slot of `spec` in priority order. With `cache`, values accepted earlier in
 * the session are not looked up again.
 */
export async function checkSlots(
  event: LexCodeHookEvent,
  spec: Readonly<IntentSpec>,
  capability: Capability<CapabilityDeps> | undefined,
  caller: Caller,
  deps: CodeHookDeps,
  cache?: Record<string, string>,
  idempotencyKey?: string,
): Promise<SlotOutcome> {
  const slots: Record<string, LexSlot | null> = { ...event.sessionState.intent.slots };
  for (const [name, value] of Object.entries(
    capability?.dialogDefaults?.({ caller, config: deps.config }) ?? {},
  )) {
    if (slotValue(slots[name]) === undefined && spec.slots.some((s) => s.name === name))
      slots[name] = scalarSlot(value);
  }
  const values: Record<string, string> = {};
  for (const slot of [...spec.slots].sort((a, b) => a.priority - b.priority)) {
    const value = slotValue(slots[slot.name]);
    if (value === undefined) continue;
    const check = capability?.slotChecks?.[slot.name];
    if (!check || cache?.[CACHE_PREFIX + slot.name] === value) {
      values[slot.name] = value;
      continue;
    }
    const ctx = {
      caller,
      slots: { ...values },
      config: deps.config,
      deps,
      fresh: cache === undefined,
      ...(idempotencyKey ? { idempotencyKey } : {}),
    };
    const result = await check(value, ctx);
    if (!result.ok) {
      if (cache) delete cache[CACHE_PREFIX + slot.name];
      const choices = result.choices?.length ? { choices: result.choices } : {};
      return {
        ok: false,
        slot: slot.name,
        message: result.message,
        final: result.final === true,
        ...choices,
        slots,
      };
    }
    values[slot.name] = result.value;
    if (cache) cache[CACHE_PREFIX + slot.name] = result.value;
    if (result.value !== value)
      slots[slot.name] = scalarSlot(result.value, slots[slot.name]?.value?.originalValue);
  }
  return { ok: true, slots, values };
}

/** Handles a DialogCodeHook invocation for an authorized caller. */
export async function handleDialog(
  event: LexCodeHookEvent,
  spec: Readonly<IntentSpec>,
  capability: Capability<CapabilityDeps> | undefined,
  caller: Caller,
  deps: CodeHookDeps,
): Promise<LexCodeHookResponse> {
  const attributes = { ...(event.sessionState.sessionAttributes ?? {}) };
  const outcome = await checkSlots(event, spec, capability, caller, deps, attributes);
  if (!outcome.ok) {
    if (outcome.final) return close(event, 'Failed', outcome.message, attributes);
    return elicitSlot(event, outcome.slot, outcome.message, outcome.slots, attributes, outcome.choices);
  }
  const next = [...spec.slots]
    .sort((a, b) => a.priority - b.priority)
    .find((s) => s.required && outcome.values[s.name] === undefined);
  const offer = next ? capability?.slotChoices?.[next.name] : undefined;
  if (next && offer) {
    const choices = await offer({ deps, config: deps.config });
    return elicitSlot(event, next.name, next.prompt, outcome.slots, attributes, choices);
  }
  const complete = spec.slots.every((s) => !s.required || outcome.values[s.name] !== undefined);
  if (complete && spec.confirmation && event.sessionState.intent.confirmationState === 'None') {
    const ctx = { caller, slots: outcome.values, config: deps.config, deps, fresh: false };
    const custom = await capability?.confirmationPrompt?.(outcome.values, ctx);
    const prompt = custom ?? fillSlots(spec.confirmation.prompt, outcome.values);
    const approval = spec.sideEffect === 'write' ? approvalSentence(spec, caller, outcome.values, deps) : '';
    return confirmIntent(event, outcome.slots, `${prompt}${approval}`, attributes);
  }
  return delegate(event, outcome.slots, attributes);
}

/** A confirmation template with its `{Slot}` references filled in (as Lex fills them). */
function fillSlots(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/**
 * What approval this exact request will need under the policy in force (config, then catalog), so
 * the confirmation never promises an approval that will not happen, or hides one that will.
 */
function approvalSentence(
  spec: Readonly<IntentSpec>,
  caller: Caller,
  values: Readonly<Record<string, string>>,
  deps: CodeHookDeps,
): string {
  const need = approvalRequirement(spec, deps.config, caller, values);
  if (!need.required) return ' It runs without approval.';
  return need.quorum > 1
    ? ` It will need approval by ${need.quorum} different approvers.`
    : ' It will need approval.';
}
