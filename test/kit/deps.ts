/**
 * Code-hook deps for tests: the sandbox twins of every capability, an in-memory ledger, recording
 * approvals and executions, the test identity key, and the extensions config enables plus any given.
 */

import type { ChatOpsConfig, ChatOpsConfigInput } from '../../handlers/config/config.schema';
import { parseConfig } from '../../handlers/config/load-config';
import { localConfig } from '../../handlers/config/local-config';
import type { CodeHookDeps } from '../../handlers/deps';
import type { ChatOpsExtension } from '../../handlers/extension';
import { MemoryLedger } from '../../handlers/ledger/memory-ledger';
import { createSandboxCodeHookDeps } from '../../local/sandbox-deps';
import { testIdentityKeys } from './identity';

/** The sandbox config (local-config.ts) with top-level keys replaced, validated as at start-up. */
export function testConfig(changes: Partial<ChatOpsConfigInput> = {}): ChatOpsConfig {
  return parseConfig({ ...localConfig, ...changes });
}

export interface KitDepsOptions {
  /** Default: the sandbox config. */
  config?: ChatOpsConfig;
  /** Extensions beyond those `config` enables (e.g. the one under test). */
  extensions?: readonly ChatOpsExtension[];
  /** Any part replaced (a mocked AWS adapter, a clock). */
  overrides?: Partial<CodeHookDeps>;
}

/** Sandbox deps whose ledger is the returned in-memory one. */
export function kitDeps(options: KitDepsOptions = {}): CodeHookDeps & { ledger: MemoryLedger } {
  const ledger = new MemoryLedger();
  const deps = createSandboxCodeHookDeps(
    {
      identityKeys: testIdentityKeys,
      ledger,
      ...(options.config ? { config: options.config } : {}),
      ...options.overrides,
    },
    options.extensions ? { extensions: options.extensions } : {},
  );
  return { ...deps, ledger };
}
