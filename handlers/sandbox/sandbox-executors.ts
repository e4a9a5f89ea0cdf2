/**
 * What the sandbox twins share: the label every simulated result ends with and stable fake 12-digit
 * account ids. VendAccount runs its real flow on the sandbox Service Catalog and Organizations twins
 * (./sandbox-service-catalog.ts, ./sandbox-organizations.ts), RotateAccessKey its real executor on
 * the sandbox IAM and Secrets Manager twins (./sandbox-iam.ts, ./sandbox-secrets.ts). Never a secret
 * in a result.
 */
import { createHash } from 'node:crypto';

/** The label every simulated execution result ends with. */
export const SANDBOX_EXECUTION_NOTE = '(Sandbox: simulated AWS — nothing real was created or changed.)';

/** A stable fake 12-digit AWS account id for a request (same request → same id). */
export function sandboxAccountId(requestId: string): string {
  const digest = createHash('sha256').update(requestId).digest();
  const digits = Array.from(digest.subarray(0, 12), (byte) => String(byte % 10)).join('');
  return `9${digits.slice(1)}`;
}
