/** Code-hook dependencies on the sandbox world: for the local stack, the local Lex runtime and tests. */
import { catalog } from '../../intents/catalog';
import { RecordingApprovalRequests } from '../approvals/approval-requests.port';
import { parseConfig } from '../config/load-config';
import { localConfig } from '../config/local-config';
import type { CodeHookDeps } from '../deps';
import { RecordingExecutions } from '../execution/execution.port';
import { localIdentityKey, staticIdentityKeys } from '../identity/identity-keys';
import { MemoryLedger } from '../ledger/memory-ledger';
import { silentLogger } from '../logger';
import { SandboxCloud } from './sandbox-cloud';

/**
 * Sandbox deps (in-memory ledger, recording approvals) with any part overridden. The identity key
 * is `CHATOPS_IDENTITY_KEY` when set, else random (so only a Slack side given the same key can sign).
 */
export function createSandboxCodeHookDeps(overrides: Partial<CodeHookDeps> = {}): CodeHookDeps {
  const config = overrides.config ?? parseConfig(localConfig);
  const cloud = new SandboxCloud();
  return {
    catalog,
    config,
    ledger: new MemoryLedger(),
    approvals: new RecordingApprovalRequests(config.approvers.emails),
    executions: new RecordingExecutions(),
    organization: cloud,
    iamUsers: cloud,
    pipelines: cloud,
    logger: silentLogger,
    sandbox: true,
    ...overrides,
    // Built only when not overridden: CHATOPS_IDENTITY_KEY, else a fresh random key.
    identityKeys: overrides.identityKeys ?? staticIdentityKeys({ current: localIdentityKey() }),
  };
}
