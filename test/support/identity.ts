/**
 * The identity key every test process uses (set as `CHATOPS_IDENTITY_KEY` by jest's setup file, so
 * the sandbox code hook, the local stack and child processes all verify with it), and a helper that
 * signs request attributes the way the Slack side does (DESIGN §5).
 */
import { staticIdentityKeys } from '../../handlers/identity/identity-keys';
import { signIdentityAttributes } from '../../handlers/identity/identity-signature';

/** A test-only key (not a secret: it protects nothing outside the test run). */
export const TEST_IDENTITY_KEY = 'test-identity-key-0123456789abcdef-not-a-secret';

/** The test key as a keyring source. */
export const testIdentityKeys = staticIdentityKeys({ current: TEST_IDENTITY_KEY });

/** `attributes` signed now (or at `nowMs`) with the test key. */
export function signedForTest(
  attributes: Record<string, string>,
  nowMs = Date.now(),
): Record<string, string> {
  return signIdentityAttributes(attributes, TEST_IDENTITY_KEY, nowMs);
}
