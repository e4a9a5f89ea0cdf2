/**
 * The approval state a write request carries into `PENDING_APPROVAL`: digest, quorum, deadline,
 * the capability's plan and risk, no votes yet (pure). Computed once, from the frozen parameters.
 */
import type { Capability } from '../capability';
import type { ChatOpsConfig } from '../config/config.schema';
import { capabilitiesFor } from '../extensions';
import type { ApprovalState, ChatOpsRequest } from '../ledger/request';
import { parameterDigest } from './parameter-digest';

/**
 * The plan and risk the capability gives for the request's parameters (a generic line otherwise),
 * among `capabilities` (default: the built-ins and the extensions config enables).
 */
export function planFor(
  request: Pick<ChatOpsRequest, 'intent' | 'parameters'>,
  config: ChatOpsConfig,
  capabilities: readonly Capability<never>[] = capabilitiesFor(config),
): { plan: string[]; risk: ApprovalState['risk'] } {
  const capability = capabilities.find((c) => c.intent === request.intent);
  const params = Object.entries(request.parameters).map(([k, v]) => `${k}=${v}`);
  const plan = capability?.plan?.(request.parameters, config) ?? [
    `Run ${request.intent} with ${params.join(', ') || 'no parameters'}`,
  ];
  return { plan, risk: capability?.risk?.(request.parameters) ?? 'medium' };
}

/** The approval state for `request` needing `quorum` approvals, opened at `now`. */
export function openApproval(
  request: Pick<ChatOpsRequest, 'intent' | 'parameters' | 'requester'>,
  quorum: number,
  config: ChatOpsConfig,
  now: Date,
  capabilities?: readonly Capability<never>[],
): ApprovalState {
  const expiresAt = new Date(now.getTime() + config.approvers.ttlHours * 3_600_000).toISOString();
  return {
    digest: parameterDigest(request),
    quorum,
    expiresAt,
    ...planFor(request, config, capabilities),
    votes: [],
  };
}
