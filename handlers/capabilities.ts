/**
 * Intent id → capability. `buildCapabilityMap` is the start-up check: every capability names an
 * intent of the catalog (by the spec's id), at most one capability per intent, and every write
 * intent has an executor. The router looks capabilities up in the map; intents without one only
 * get recorded.
 */
import { fallbackIntent } from '../intents/fallback.intent';
import type { IntentRegistry } from '../intents/registry';
import { accountVendingCapability } from './account-vending/account-vending.capability';
import type { Capability } from './capability';
import type { CapabilityDeps } from './deps';
import { ChatOpsError } from './errors';
import { helpCapability } from './help/help.capability';
import { dueKeysCapability } from './key-rotation/due-keys.capability';
import { keyRotationCapability } from './key-rotation/key-rotation.capability';
import {
  pipelineApprovalCapability,
  retryPipelineStageCapability,
} from './pipeline-status/pipeline-actions.capability';
import { pipelineStatusCapability } from './pipeline-status/pipeline-status.capability';
import { pipelineSummaryCapability } from './pipeline-status/pipeline-summary.capability';
import { requestStatusCapability } from './request-status/request-status.capability';

export type CapabilityMap<D = CapabilityDeps> = ReadonlyMap<string, Capability<D>>;

const fallbackCapability: Capability<CapabilityDeps> = {
  intent: fallbackIntent.id,
  async run() {
    return {
      message:
        'Sorry, I didn\'t understand that. I can create AWS accounts, rotate access keys, show pipeline status and track requests. Say "help" for examples.',
    };
  },
};

/** Every capability ChatOps ships, in no particular order. */
export const DEFAULT_CAPABILITIES: readonly Capability<CapabilityDeps>[] = [
  accountVendingCapability,
  keyRotationCapability,
  dueKeysCapability,
  pipelineStatusCapability,
  pipelineSummaryCapability,
  pipelineApprovalCapability,
  retryPipelineStageCapability,
  requestStatusCapability,
  helpCapability,
  fallbackCapability,
];

/** The capabilities and the catalog do not fit together; the message names the intent. */
export class CapabilityWiringError extends ChatOpsError {
  constructor(
    readonly intent: string,
    message: string,
  ) {
    super('CAPABILITY_WIRING_INVALID', message, { intent });
  }
}

/**
 * The capability map for `catalog`, checked at start-up.
 * @throws CapabilityWiringError when a capability names an intent the catalog lacks, two name the
 * same intent, or a write intent of the catalog has no capability with an `execute`.
 */
export function buildCapabilityMap<D>(
  catalog: IntentRegistry,
  capabilities: readonly Capability<D>[],
): CapabilityMap<D> {
  const map = new Map<string, Capability<D>>();
  for (const capability of capabilities) {
    if (!catalog.get(capability.intent)) {
      throw new CapabilityWiringError(
        capability.intent,
        `A capability names the intent "${capability.intent}", which the intent catalog does not have.`,
      );
    }
    if (map.has(capability.intent)) {
      throw new CapabilityWiringError(
        capability.intent,
        `Two capabilities name the intent "${capability.intent}".`,
      );
    }
    map.set(capability.intent, capability);
  }
  for (const spec of catalog.list()) {
    const capability = map.get(spec.id);
    if (spec.sideEffect === 'write' && !capability?.execute && !capability?.launch) {
      throw new CapabilityWiringError(
        spec.id,
        `The write intent "${spec.id}" has no executor: its capability must define execute() or launch().`,
      );
    }
  }
  return map;
}
