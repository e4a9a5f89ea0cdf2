/**
 * Account vending on the sandbox twins: Organizations and Service Catalog over the sandbox world,
 * the real {@link AccountProvisioning}, and the twin's lifecycle events fed to the same
 * lifecycle handler code the EventBridge Lambda runs. Used by the local stack, the local Lex
 * runtime and tests.
 */

import { AccountProvisioning } from '../account-vending/account-provisioning';
import { handleLifecycleEvent } from '../account-vending/lifecycle';
import type { ChatOpsConfig } from '../config/config.schema';
import type { Ledger } from '../ledger/ledger.port';
import type { Logger } from '../logger';
import type { ChatNotifier } from '../notify/chat-notifier.port';
import { SANDBOX_EXECUTION_NOTE } from './sandbox-executors';
import { SandboxOrganizations } from './sandbox-organizations';
import { SandboxServiceCatalog } from './sandbox-service-catalog';
import { defaultSandboxWorld, type SandboxWorldData } from './sandbox-world';

export interface SandboxVendingOptions {
  config: ChatOpsConfig;
  ledger: Ledger;
  notifier: ChatNotifier;
  logger: Logger;
  world?: SandboxWorldData;
  /** How long a sandbox provisioning takes (default a few seconds). */
  delayMs?: number;
  /** Lose every lifecycle event (the poller must recover). */
  dropEvents?: boolean;
}

export interface SandboxVending {
  organization: SandboxOrganizations;
  factory: SandboxServiceCatalog;
  provisioning: AccountProvisioning;
  /** Resolves when every lifecycle event emitted so far has been handled. */
  settled(): Promise<void>;
}

/** Like EventBridge to Lambda: an event that comes too early (`not-yet`) is delivered again. */
async function deliver(event: unknown, provisioning: AccountProvisioning, logger: Logger): Promise<void> {
  for (let attempt = 1; attempt <= 20; attempt += 1) {
    const result = await handleLifecycleEvent(event, { provisioning, logger });
    if (result !== 'not-yet') return;
    await new Promise((resolve) => setTimeout(resolve, 25 * attempt));
  }
}

/** Builds the sandbox vending parts, wired together. */
export function createSandboxVending(options: SandboxVendingOptions): SandboxVending {
  const world = options.world ?? defaultSandboxWorld();
  const pending = new Set<Promise<unknown>>();
  let provisioning: AccountProvisioning | undefined;
  const factory = new SandboxServiceCatalog({
    world,
    productName: options.config.accountFactory.productName,
    ...(options.delayMs !== undefined ? { delayMs: options.delayMs } : {}),
    ...(options.dropEvents ? { dropEvents: true } : {}),
    onEvent: (event) => {
      if (!provisioning) return;
      const job = deliver(event, provisioning, options.logger)
        .catch((error: unknown) => options.logger.error('sandbox lifecycle event failed', { error }))
        .finally(() => pending.delete(job));
      pending.add(job);
    },
  });
  provisioning = new AccountProvisioning({
    ledger: options.ledger,
    factory,
    notifier: options.notifier,
    config: options.config,
    logger: options.logger,
    resultNote: SANDBOX_EXECUTION_NOTE,
  });
  return {
    organization: new SandboxOrganizations(world),
    factory,
    provisioning,
    async settled() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
  };
}
