/**
 * The AWS Identity Store adapter of {@link GroupAccess} (IAM Identity Center's directory):
 * - `GetGroupId` / `GetUserId` by unique attribute (`displayName`, `emails.value`);
 *   `ResourceNotFoundException` means "no such group / user";
 * - `ListGroups`, every page (the SDK's paginator);
 * - `CreateGroupMembership`; `ConflictException` means the user is already a member, whose
 *   membership id `GetGroupMembershipId` returns (idempotent execution);
 * - `DeleteGroupMembership`; `ResourceNotFoundException` means it is already gone.
 * Throttling and 5xx are retried by the SDK's standard retry strategy ({@link identitystoreClient}).
 * https://docs.aws.amazon.com/singlesignon/latest/IdentityStoreAPIReference/API_Operations.html
 */
import {
  CreateGroupMembershipCommand,
  DeleteGroupMembershipCommand,
  GetGroupIdCommand,
  GetGroupMembershipIdCommand,
  GetUserIdCommand,
  IdentitystoreClient,
  paginateListGroups,
} from '@aws-sdk/client-identitystore';
import { awsErrorName } from '../key-rotation/key-rotation.errors';
import { type GroupAccess, GroupAccessError } from './group-access.port';

/** Attempts per call (SDK standard retry mode: `ThrottlingException` is retried with backoff). */
export const IDENTITYSTORE_MAX_ATTEMPTS = 5;

/** An Identity Store client with the SDK's standard retry strategy. */
export function identitystoreClient(region: string): IdentitystoreClient {
  return new IdentitystoreClient({ region, retryMode: 'standard', maxAttempts: IDENTITYSTORE_MAX_ATTEMPTS });
}

const notFound = (error: unknown) => awsErrorName(error) === 'ResourceNotFoundException';

export class IdentitystoreGroupAccess implements GroupAccess {
  constructor(
    private readonly client: IdentitystoreClient,
    private readonly identityStoreId: string,
  ) {}

  /** @inheritdoc */
  async groupId(displayName: string): Promise<string | undefined> {
    try {
      const out = await this.client.send(
        new GetGroupIdCommand({
          IdentityStoreId: this.identityStoreId,
          AlternateIdentifier: {
            UniqueAttribute: { AttributePath: 'displayName', AttributeValue: displayName },
          },
        }),
      );
      return out.GroupId;
    } catch (error) {
      if (notFound(error)) return undefined;
      throw error;
    }
  }

  /** @inheritdoc */
  async listGroupNames(): Promise<string[]> {
    const names: string[] = [];
    for await (const page of paginateListGroups(
      { client: this.client },
      { IdentityStoreId: this.identityStoreId },
    )) {
      for (const g of page.Groups ?? []) if (g.DisplayName) names.push(g.DisplayName);
    }
    return names;
  }

  /** @inheritdoc */
  async userId(email: string): Promise<string | undefined> {
    try {
      const out = await this.client.send(
        new GetUserIdCommand({
          IdentityStoreId: this.identityStoreId,
          AlternateIdentifier: { UniqueAttribute: { AttributePath: 'emails.value', AttributeValue: email } },
        }),
      );
      return out.UserId;
    } catch (error) {
      if (notFound(error)) return undefined;
      throw error;
    }
  }

  /** @inheritdoc */
  async addMember(groupId: string, userId: string): Promise<{ membershipId: string; created: boolean }> {
    const key = { IdentityStoreId: this.identityStoreId, GroupId: groupId, MemberId: { UserId: userId } };
    try {
      const out = await this.client.send(new CreateGroupMembershipCommand(key));
      if (!out.MembershipId) throw new GroupAccessError('CreateGroupMembership', 'NoMembershipId');
      return { membershipId: out.MembershipId, created: true };
    } catch (error) {
      if (awsErrorName(error) !== 'ConflictException') throw error;
      // Already a member (a retried execution, or added by hand): keep the existing membership.
      const existing = await this.client.send(new GetGroupMembershipIdCommand(key));
      if (!existing.MembershipId) throw new GroupAccessError('GetGroupMembershipId', 'NoMembershipId');
      return { membershipId: existing.MembershipId, created: false };
    }
  }

  /** @inheritdoc */
  async removeMembership(membershipId: string): Promise<'removed' | 'absent'> {
    try {
      await this.client.send(
        new DeleteGroupMembershipCommand({
          IdentityStoreId: this.identityStoreId,
          MembershipId: membershipId,
        }),
      );
      return 'removed';
    } catch (error) {
      if (notFound(error)) return 'absent';
      throw error;
    }
  }
}
