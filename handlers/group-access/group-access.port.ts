/**
 * JoinIdentityCenterGroup's port (the worked example's write intent): groups, users and group
 * memberships of one IAM Identity Center identity store.
 * Adapters: ./identitystore-group-access.ts (AWS Identity Store), ./sandbox-group-access.ts (twin).
 */
import { ChatOpsError } from '../errors';

export interface GroupAccess {
  /** The group id of the group whose display name is `displayName`, or undefined when none. */
  groupId(displayName: string): Promise<string | undefined>;
  /** Every group's display name (every page), in the order the store returns them. */
  listGroupNames(): Promise<string[]>;
  /** The user id of the user whose (verified) email is `email`, or undefined when none. */
  userId(email: string): Promise<string | undefined>;
  /**
   * Makes `userId` a member of `groupId`: `created: false` when it already was (the existing
   * membership's id is returned, so a retried execution changes nothing).
   */
  addMember(groupId: string, userId: string): Promise<{ membershipId: string; created: boolean }>;
  /** Removes the membership: `absent` when it was already gone (removed by hand, or a second sweep). */
  removeMembership(membershipId: string): Promise<'removed' | 'absent'>;
}

/** JoinIdentityCenterGroup's own deps. */
export interface GroupAccessDeps {
  groupAccess: GroupAccess;
}

/** An identity store call failed for a reason retrying will not fix (AWS error name in details). */
export class GroupAccessError extends ChatOpsError {
  constructor(operation: string, awsError: string, message?: string) {
    super(
      'GROUP_ACCESS_FAILED',
      message ?? `The identity store refused ${operation} (${awsError}); nothing was changed.`,
      { operation, awsError },
    );
  }
}
