/**
 * Sandbox executors for the write intents (DESIGN §4): an approved VendAccount completes offline
 * with a clearly labelled, simulated result — a 12-digit fake account id. The account-vending issue
 * replaces it with the real executor. RotateAccessKey runs its real executor on the sandbox IAM and
 * Secrets Manager twins (sandbox-iam.ts, sandbox-secrets.ts) and ends with the same note.
 */
import { createHash } from 'node:crypto';
import type { CapabilityResult, ExecuteInput } from '../capability';

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
