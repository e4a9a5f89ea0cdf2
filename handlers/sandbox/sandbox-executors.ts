/**
 * Sandbox executors for the write intents (DESIGN §4): an approved VendAccount or RotateAccessKey
 * completes offline with a clearly labelled, simulated result — a 12-digit fake account id, the
 * name of a secret that was never created. The account-vending and key-rotation issues replace
 * them with the real executors (Account Factory, IAM + Secrets Manager). Never a secret in a result.
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

/** Simulated Account Factory provisioning: the account "exists" at once. */
export async function sandboxVendAccount({ request }: ExecuteInput): Promise<CapabilityResult> {
  const p = request.parameters;
  const accountId = sandboxAccountId(request.id);
  return {
    message: [
      `Account ${p.AccountName ?? '?'} (${accountId}) was created in ${p.OrganizationalUnit ?? '?'}, owned by ${p.AccountEmail ?? '?'}.`,
      SANDBOX_EXECUTION_NOTE,
    ].join('\n'),
    externalIds: { accountId, recordId: `rec-sandbox-${accountId}` },
  };
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
