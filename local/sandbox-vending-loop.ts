/**
 * The local stand-ins for account vending's Lambdas: the sandbox twin's lifecycle events already go
 * to the lifecycle handler code (handlers/sandbox/sandbox-vending.ts); here the provisioning poller
 * runs on a timer, as the scheduled provisioning-poller Lambda does when deployed.
 */
import { pollProvisioning } from '../handlers/account-vending/provisioning-poller';
import type { Logger } from '../handlers/logger';
import type { SandboxVending } from '../handlers/sandbox/sandbox-vending';

/** Sandbox vending switches of the local stack. */
export interface LocalVendingOptions {
  /** How long a sandbox provisioning takes. */
  delayMs?: number;
  /** Lose every lifecycle event (the poller must recover). */
  dropEvents?: boolean;
  /** Poller period (default {@link LOCAL_POLL_INTERVAL_MS}). */
  pollIntervalMs?: number;
}

/** The default poller period of the local stack. */
export const LOCAL_POLL_INTERVAL_MS = 30_000;

/**
 * The sandbox vending options and, once built, its parts with the poller on a timer (the local
 * stand-in for the scheduled provisioning-poller Lambda; the same poll code runs).
 */
export function startSandboxVending(
  options: { vending?: LocalVendingOptions; logger: Logger },
  stoppers: { add(name: string, stop: () => void): void },
) {
  let built: SandboxVending | undefined;
  const v = options.vending ?? {};
  const choices = {
    ...(v.delayMs !== undefined ? { delayMs: v.delayMs } : {}),
    ...(v.dropEvents ? { dropEvents: true } : {}),
    onVending: (vending: SandboxVending) => {
      built = vending;
    },
  };
  const parts = () => {
    const vending = built;
    if (!vending) throw new Error('sandbox vending was not built');
    const pollNow = async () => {
      await pollProvisioning({
        provisioning: vending.provisioning,
        factory: vending.factory,
        logger: options.logger,
      });
    };
    const timer = setInterval(
      () => void pollNow().catch(() => undefined),
      v.pollIntervalMs ?? LOCAL_POLL_INTERVAL_MS,
    );
    timer.unref();
    stoppers.add('provisioning poller', () => {
      clearInterval(timer);
      vending.factory.stop();
    });
    return { factory: vending.factory, settled: () => vending.settled(), pollNow };
  };
  return { choices, parts };
}
