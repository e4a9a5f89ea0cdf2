/**
 * Approval policy from config, per intent (issue 11): whether a write request waits for humans and
 * how many distinct approvers it needs, and who counts as an approver. Config overrides the
 * catalog's policy (`intents.<Intent>.approval`, `intents.<Intent>.quorum`); every `write` intent
 * defaults to "approval required, quorum 1".
 */
import type { ApprovalPolicy, IntentSpec } from '../../intents/define-intent';
import type { Caller } from '../capability';
import type { ChatOpsConfig } from '../config/config.schema';

/** Whether a request needs approval, and from how many distinct approvers. */
export type ApprovalRequirement =
  | { required: false; policy: ApprovalPolicy }
  | { required: true; policy: ApprovalPolicy; quorum: number };

/** The policy in force for an intent: config first, else the catalog, else `always` for writes. */
export function policyFor(spec: Readonly<IntentSpec>, config: ChatOpsConfig): ApprovalPolicy {
  return (
    config.intents[spec.id]?.approval ?? spec.approval ?? (spec.sideEffect === 'write' ? 'always' : 'never')
  );
}

/**
 * Applies the policy to one request's frozen parameters (pure).
 * - `whenOtherUser`: required unless `UserName` is the requester's own mapped IAM user.
 * - `forProduction`: required when `AccountType` is `Production` (case-insensitive).
 */
export function approvalRequirement(
  spec: Readonly<IntentSpec>,
  config: ChatOpsConfig,
  caller: Pick<Caller, 'iamUser'>,
  parameters: Readonly<Record<string, string>>,
): ApprovalRequirement {
  const policy = policyFor(spec, config);
  const quorum = config.intents[spec.id]?.quorum ?? 1;
  const required =
    policy === 'always' ||
    (policy === 'whenOtherUser' &&
      (caller.iamUser === undefined || parameters.UserName !== caller.iamUser)) ||
    (policy === 'forProduction' && (parameters.AccountType ?? '').toLowerCase() === 'production');
  return required ? { required, policy, quorum } : { required, policy };
}
