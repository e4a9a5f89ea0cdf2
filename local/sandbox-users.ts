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
