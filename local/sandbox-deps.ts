/**
 * The sandbox composition root of the code hook: the core's deps plus each capability's, built by
 * the capability folders' factories over the sandbox world (handlers/sandbox/). Used by the local
 * stack, the local Lex runtime (`npm run lex:local`), the bench and tests.
 */
import { accountVendingDeps } from '../handlers/account-vending/account-vending.deps';
import { RecordingApprovalRequests } from '../handlers/approvals/approval-requests.port';
import { parseConfig } from '../handlers/config/load-config';
import { localConfig } from '../handlers/config/local-config';
import type { CodeHookDeps } from '../handlers/deps';
import { RecordingExecutions } from '../handlers/execution/execution.port';
import type { ChatOpsExtension } from '../handlers/extension';
import { capabilitiesFor, catalogFor, enabledExtensions, extensionSandboxDeps } from '../handlers/extensions';
import { localIdentityKey, staticIdentityKeys } from '../handlers/identity/identity-keys';
import { keyRotationDeps } from '../handlers/key-rotation/key-rotation.deps';
import { MemoryKeySchedule } from '../handlers/key-rotation/memory-key-schedule';
import { MemoryLedger } from '../handlers/ledger/memory-ledger';
import { silentLogger } from '../handlers/logger';
import { type ChatNotifier, RecordingChatNotifier } from '../handlers/notify/chat-notifier.port';
import { pipelineStatusDeps } from '../handlers/pipeline-status/pipeline-status.deps';
import { requestStatusDeps } from '../handlers/request-status/request-status.deps';
import { SandboxCodePipeline } from '../handlers/sandbox/sandbox-codepipeline';
import { SANDBOX_EXECUTION_NOTE } from '../handlers/sandbox/sandbox-executors';
import { SandboxIam } from '../handlers/sandbox/sandbox-iam';
import { SandboxSecrets } from '../handlers/sandbox/sandbox-secrets';
import { createSandboxVending, type SandboxVending } from '../handlers/sandbox/sandbox-vending';
import { defaultSandboxWorld } from '../handlers/sandbox/sandbox-world';

/** Options of the sandbox account vending (see handlers/sandbox/sandbox-vending.ts). */
export interface SandboxVendingChoices {
  notifier?: ChatNotifier;
  delayMs?: number;
  dropEvents?: boolean;
  /** Receives the vending parts (tests reach the Service Catalog twin through it). */
  onVending?: (vending: SandboxVending) => void;
  /** Extensions beyond those config enables (a team's own, a test's throw-away one). */
  extensions?: readonly ChatOpsExtension[];
}

/**
 * Sandbox deps (in-memory ledger, recording approvals and executions) with any part overridden. The
 * identity key is `CHATOPS_IDENTITY_KEY` when set, else random (only a Slack side given it can sign).
 */
export function createSandboxCodeHookDeps(
  overrides: Partial<CodeHookDeps> = {},
  choices: SandboxVendingChoices = {},
): CodeHookDeps {
  const config = overrides.config ?? parseConfig(localConfig);
  const ledger = overrides.ledger ?? new MemoryLedger();
  const logger = overrides.logger ?? silentLogger;
  const world = defaultSandboxWorld();
  const extensions = enabledExtensions(config, choices.extensions);
  const vending = createSandboxVending({
    config,
    ledger,
    logger,
    notifier: choices.notifier ?? new RecordingChatNotifier(),
    world,
    ...(choices.delayMs !== undefined ? { delayMs: choices.delayMs } : {}),
    ...(choices.dropEvents ? { dropEvents: true } : {}),
  });
  choices.onVending?.(vending);
  return {
    catalog: catalogFor(config, choices.extensions),
    capabilities: capabilitiesFor(config, choices.extensions),
    config,
    approvals: new RecordingApprovalRequests(config.approvers.emails),
    executions: new RecordingExecutions(),
    logger: silentLogger,
    sandbox: true,
    ...accountVendingDeps({ organization: vending.organization, provisioning: vending.provisioning }),
    ...keyRotationDeps({
      accessKeys: new SandboxIam(),
      keyVault: new SandboxSecrets(config.keyRotation),
      keySchedule: new MemoryKeySchedule(),
      retry: { attempts: 5, baseDelayMs: 20, sleep: (ms) => new Promise((r) => setTimeout(r, ms)) },
      resultNote: SANDBOX_EXECUTION_NOTE,
    }),
    ...pipelineStatusDeps({ pipelines: new SandboxCodePipeline() }),
    ...requestStatusDeps({ ledger }),
    ...extensionSandboxDeps(extensions, { config, ledger, logger, world }),
    ...overrides,
    // Built only when not overridden: CHATOPS_IDENTITY_KEY, else a fresh random key.
    identityKeys: overrides.identityKeys ?? staticIdentityKeys({ current: localIdentityKey() }),
  };
}
