/** Code-hook dependencies on the sandbox world: for the local stack, the local Lex runtime and tests. */
import { catalog } from '../../intents/catalog';
import { RecordingApprovalRequests } from '../approvals/approval-requests.port';
import { parseConfig } from '../config/load-config';
import { localConfig } from '../config/local-config';
import type { CodeHookDeps } from '../deps';
import { RecordingExecutions } from '../execution/execution.port';
import { MemoryLedger } from '../ledger/memory-ledger';
import { silentLogger } from '../logger';
import { SandboxCloud } from './sandbox-cloud';

/** Sandbox deps (in-memory ledger, recording approvals) with any part overridden. */
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
  };
}
