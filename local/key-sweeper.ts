/**
 * Key rotation in the local stack: the sandbox IAM and Secrets Manager twins the code hook uses,
 * and the key sweeper on a timer (unref'd; the deployed sweeper is scheduled by EventBridge). The
 * terminal chat and the tests call `sweep` directly to see a sweep at once.
 */
import type { KeyRotationDeps } from '../handlers/key-rotation/key-rotation.deps';
import { type SweepReport, sweepKeys } from '../handlers/key-rotation/sweeper';
import type { Logger } from '../handlers/logger';
import type { ChatNotifier } from '../handlers/notify/chat-notifier.port';
import type { SandboxIam } from '../handlers/sandbox/sandbox-iam';
import type { SandboxSecrets } from '../handlers/sandbox/sandbox-secrets';
import { runPeriodically } from './periodic';

/** How often the local stack sweeps old keys. */
export const LOCAL_KEY_SWEEP_INTERVAL_MS = 60_000;

export interface LocalKeyRotation {
  /** One sweep now (`dryRun` only reports). */
  sweep(options?: { dryRun?: boolean }): Promise<SweepReport>;
  /** The sandbox twins (tests flip `secrets.failNextStores`, read what must never leak). */
  iam: SandboxIam;
  secrets: SandboxSecrets;
}

/** Starts the timer; `stop` clears it. */
export function startLocalKeySweeper(
  deps: KeyRotationDeps,
  notifier: ChatNotifier,
  logger: Logger,
  intervalMs = LOCAL_KEY_SWEEP_INTERVAL_MS,
): LocalKeyRotation & { stop(): void } {
  const sweep = (options: { dryRun?: boolean } = {}) =>
    sweepKeys(options, {
      accessKeys: deps.accessKeys,
      keySchedule: deps.keySchedule,
      notifier,
      clock: deps.clock,
      logger,
    });
  const stop = runPeriodically(() => sweep(), intervalMs, 'The key sweep', logger);
  return { sweep, iam: deps.accessKeys as SandboxIam, secrets: deps.keyVault as SandboxSecrets, stop };
}
