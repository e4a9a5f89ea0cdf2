/**
 * Sandbox twin of {@link GroupAccess}: an identity store whose groups are the sandbox ones plus
 * the groups config allows, and whose users are the config's users with an email (as Identity
 * Center would have them, by their work email). Memberships live in memory.
 */
import { randomUUID } from 'node:crypto';
import type { ChatOpsConfig } from '../config/config.schema';
import type { GroupAccess } from './group-access.port';

/** The groups every sandbox identity store has. */
export const SANDBOX_GROUPS: readonly string[] = ['Developers', 'ReadOnly', 'Billing'];

const idOf = (prefix: string, value: string) =>
  `${prefix}-${Buffer.from(value.toLowerCase()).toString('hex').slice(0, 24)}`;

export class SandboxGroupAccess implements GroupAccess {
  private readonly groups: Map<string, string>;
  private readonly users: Map<string, string>;
  /** membershipId → `groupId/userId`. */
  readonly memberships = new Map<string, string>();

  constructor(config: Pick<ChatOpsConfig, 'examples' | 'users'>) {
    const names = [...new Set([...SANDBOX_GROUPS, ...config.examples.groupAccess.allowedGroups])];
    this.groups = new Map(names.map((n) => [n, idOf('g', n)]));
    this.users = new Map(
      config.users.flatMap((u) => (u.email ? [[u.email.toLowerCase(), idOf('u', u.email)] as const] : [])),
    );
  }

  /** @inheritdoc */
  async groupId(displayName: string): Promise<string | undefined> {
    return this.groups.get(displayName);
  }

  /** @inheritdoc */
  async listGroupNames(): Promise<string[]> {
    return [...this.groups.keys()];
  }

  /** @inheritdoc */
  async userId(email: string): Promise<string | undefined> {
    return this.users.get(email.toLowerCase());
  }

  /** @inheritdoc */
  async addMember(groupId: string, userId: string): Promise<{ membershipId: string; created: boolean }> {
    const member = `${groupId}/${userId}`;
    for (const [id, m] of this.memberships) if (m === member) return { membershipId: id, created: false };
    const membershipId = randomUUID();
    this.memberships.set(membershipId, member);
    return { membershipId, created: true };
  }

  /** @inheritdoc */
  async removeMembership(membershipId: string): Promise<'removed' | 'absent'> {
    return this.memberships.delete(membershipId) ? 'removed' : 'absent';
  }
}
