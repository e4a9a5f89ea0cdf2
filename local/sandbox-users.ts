/**
 * The sandbox Slack team of DESIGN §4 as data: the people the Slack emulator answers `users.info`
 * for, and whom the terminal chat lets you act as (`/as bob`). Roles live in the config
 * (handlers/config/local-config.ts); profiles come from here through `users.info`, exactly as they
 * would from a real workspace.
 */
import { SANDBOX_TEAM_ID } from '../handlers/config/local-config';

/** One Slack user the emulator knows (the subset of a `users.info` profile we use). */
export interface EmulatedSlackUser {
  /** Slack user id, e.g. `UALICE0001`. */
  id: string;
  /** Handle (`name` in `users.info`), e.g. `alice`. */
  name: string;
  realName: string;
  displayName: string;
  email: string;
  /** Home workspace when not the emulated team's (a Slack Connect user of another organisation). */
  teamId?: string;
  /** Enterprise Grid organisation (`enterprise_user.enterprise_id`). */
  enterpriseId?: string;
  /** Multi-channel guest (`is_restricted`). */
  restricted?: boolean;
  /** Single-channel guest (`is_ultra_restricted`). */
  ultraRestricted?: boolean;
}

export { SANDBOX_TEAM_ID };

/** The bot user of the sandbox app (what `auth.test` answers). */
export const SANDBOX_BOT = { userId: 'UCHATOPSBOT', botId: 'BCHATOPS01', appId: 'ACHATOPS01' } as const;

/** Alice (requester), Bob (requester, approver) and Carol (admin, approver). */
export const SANDBOX_USERS: readonly EmulatedSlackUser[] = [
  {
    id: 'UALICE0001',
    name: 'alice',
    realName: 'Alice Example',
    displayName: 'Alice',
    email: 'alice@example.com',
  },
  { id: 'UBOB00001', name: 'bob', realName: 'Bob Example', displayName: 'Bob', email: 'bob@example.com' },
  {
    id: 'UCAROL0001',
    name: 'carol',
    realName: 'Carol Example',
    displayName: 'Carol',
    email: 'carol@example.com',
  },
];

/** A multi-channel guest of the sandbox team (refused unless `slack.guests` is `readOnly`). */
export const SANDBOX_GUEST: EmulatedSlackUser = {
  id: 'UGUEST0001',
  name: 'gina',
  realName: 'Gina Guest',
  displayName: 'Gina',
  email: 'gina@partner.example',
  restricted: true,
};

/** A Slack Connect user of another organisation (`T0OTHERORG`), seen in a shared channel: refused. */
export const OTHER_ORG_USER: EmulatedSlackUser = {
  id: 'UOTHER0001',
  name: 'oscar',
  realName: 'Oscar Other',
  displayName: 'Oscar',
  email: 'oscar@other.example',
  teamId: 'T0OTHERORG',
};

/** Everyone the emulator answers `users.info` for: the DESIGN §4 users, a guest and an outsider. */
export const EMULATED_USERS: readonly EmulatedSlackUser[] = [...SANDBOX_USERS, SANDBOX_GUEST, OTHER_ORG_USER];

/** The sandbox user whose handle, display name or id matches `nameOrId` (case-insensitive). */
export function findSandboxUser(
  nameOrId: string,
  users: readonly EmulatedSlackUser[] = SANDBOX_USERS,
): EmulatedSlackUser | undefined {
  const wanted = nameOrId.trim().replace(/^@/, '').toLowerCase();
  return users.find(
    (u) => u.id.toLowerCase() === wanted || u.name === wanted || u.displayName.toLowerCase() === wanted,
  );
}
