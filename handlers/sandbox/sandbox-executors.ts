/**
 * Sandbox executors for the write intents (DESIGN §4): an approved RotateAccessKey completes
 * offline with a clearly labelled, simulated result — the name of a secret that was never created.
 * VendAccount runs its real flow on the sandbox twins (./sandbox-service-catalog.ts); its fake
 * 12-digit account ids come from {@link sandboxAccountId}. Never a secret in a result.
 */
import { createHash } from 'node:crypto';
import type { CapabilityResult, ExecuteInput } from '../capability';
import type { ChatOpsConfig } from '../config/config.schema';

/** The label every simulated execution result ends with. */
export const SANDBOX_EXECUTION_NOTE = '(Sandbox: simulated AWS — nothing real was created or changed.)';

/** A stable fake 12-digit AWS account id for a request (same request → same id). */
export function sandboxAccountId(requestId: string): string {
  const digest = createHash('sha256').update(requestId).digest();
  const digits = Array.from(digest.subarray(0, 12), (byte) => String(byte % 10)).join('');
  return `9${digits.slice(1)}`;
}

/** Simulated key rotation: names the secret that would hold the new key (never a key). */
export async function sandboxRotateAccessKey(
  { request }: ExecuteInput,
  _deps: unknown,
  config: ChatOpsConfig,
): Promise<CapabilityResult> {
  const user = request.parameters.UserName ?? '?';
  const secretName = `chatops/access-keys/${user}/${request.id}`;
  const { deactivateAfterDays, deleteAfterDays } = config.keyRotation;
  return {
    message: [
      `A new access key for ${user} is stored in the Secrets Manager secret ${secretName}, readable only by ${user}.`,
      `The old key will be deactivated in ${deactivateAfterDays} days and deleted in ${deleteAfterDays}.`,
      SANDBOX_EXECUTION_NOTE,
    ].join('\n'),
    externalIds: { secretName },
  };
}
