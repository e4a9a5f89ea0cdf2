/**
 * Everything the code hook needs, created once at the Lambda entry or the local composition root
 * and injected (DESIGN §6 rule 4). `CodeHookDeps` is a composition, not a bag: the core's own deps
 * plus one dependency type per capability, each built by its folder's factory (e.g.
 * `accountVendingDeps`), so a Lambda entry wires only the capabilities it serves.
 */
import type { IntentRegistry } from '../intents/registry';
import type { AccountVendingDeps } from './account-vending/account-vending.deps';
import type { ApprovalRequests } from './approvals/approval-requests.port';
import type { Capability } from './capability';
import type { ChatOpsConfig } from './config/config.schema';
import type { Executions } from './execution/execution.port';
import type { HelpDeps } from './help/help.capability';
import type { IdentityKeySource } from './identity/identity-keys';
import type { KeyRotationDeps } from './key-rotation/key-rotation.deps';
import type { Ledger } from './ledger/ledger.port';
import type { Logger } from './logger';
import type { PipelineStatusDeps } from './pipeline-status/pipeline-status.deps';
import type { RequestStatusDeps } from './request-status/request-status.deps';

/** What the router, dialog and fulfilment hooks use themselves, whatever the capability. */
export interface CoreDeps {
  /** The intents this code hook serves: built-ins and enabled extensions (`catalogFor(config)`). */
  catalog: IntentRegistry;
  /** Their capabilities (`capabilitiesFor(config)`, the default when absent). */
  capabilities?: readonly Capability<CapabilityDeps>[];
  config: ChatOpsConfig;
  ledger: Ledger;
  approvals: ApprovalRequests;
  executions: Executions;
  logger: Logger;
  /** The keys the signed identity in `requestAttributes` is verified with (DESIGN §5). */
  identityKeys: IdentityKeySource;
  /** Marks replies from simulated AWS (sandbox world) so nobody mistakes them for real ones. */
  sandbox: boolean;
  /** The clock (approval deadlines); default the system clock. */
  now?: () => Date;
}

/** What every capability's slot checks, `run` and `execute` may use (no core plumbing). */
export type CapabilityDeps = AccountVendingDeps &
  KeyRotationDeps &
  PipelineStatusDeps &
  RequestStatusDeps &
  HelpDeps;

/** The code hook's deps: the core's plus every capability's. */
export type CodeHookDeps = CoreDeps & CapabilityDeps;
