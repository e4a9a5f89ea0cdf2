/**
 * Signed verified identities for tests. The identity key every test process uses (set as `CHATOPS_IDENTITY_KEY` by jest's setup file, so
 * the sandbox code hook, the local stack and child processes all verify with it), and a helper that
 * signs request attributes the way the Slack side does (DESIGN §5).
 */
import { staticIdentityKeys } from '../../handlers/identity/identity-keys';
import { signIdentityAttributes } from '../../handlers/identity/identity-signature';
import { toRequestAttributes } from '../../handlers/lex/request-attributes';

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

/** The sandbox Slack users (DESIGN §4: team T0SANDBOX); `dave` is named by no config. */
export const SANDBOX_USERS = {
  alice: { id: 'UALICE0001', name: 'Alice Example', email: 'alice@example.com', channel: 'D0ALICE001' },
  bob: { id: 'UBOB00001', name: 'Bob Example', email: 'bob@example.com', channel: 'D0BOB00001' },
  carol: { id: 'UCAROL0001', name: 'Carol Example', email: 'carol@example.com', channel: 'D0CAROL001' },
  dave: { id: 'UDAVE00001', name: 'Dave Unlisted', email: 'dave@example.com', channel: 'D0DAVE0001' },
} as const;

export type SandboxUserName = keyof typeof SANDBOX_USERS;

export interface SignedIdentityOptions {
  /** Default the user's DM channel. */
  channelId?: string;
  threadTs?: string;
  turnId?: string;
  /** Include the Slack profile (name, email) as the Slack side does from `users.info` (default true). */
  profile?: boolean;
  nowMs?: number;
}

/**
 * Request attributes of a verified sandbox Slack user, signed the way the Slack side signs them
 * (DESIGN §5): a full member of T0SANDBOX, in their DM unless `channelId` says otherwise.
 */
export function signedIdentity(
  as: SandboxUserName,
  options: SignedIdentityOptions = {},
): Record<string, string> {
  const user = SANDBOX_USERS[as];
  const profile = options.profile ?? true;
  return signedForTest(
    toRequestAttributes({
      requester: {
        teamId: 'T0SANDBOX',
        slackUserId: user.id,
        ...(profile ? { name: user.name, email: user.email } : {}),
      },
      origin: {
        teamId: 'T0SANDBOX',
        channelId: options.channelId ?? user.channel,
        ...(options.threadTs ? { threadTs: options.threadTs } : {}),
      },
      userGroupIds: [],
      ...(options.turnId ? { turnId: options.turnId } : {}),
      org: { userTeamId: 'T0SANDBOX', guest: false },
    }),
    options.nowMs,
  );
}
