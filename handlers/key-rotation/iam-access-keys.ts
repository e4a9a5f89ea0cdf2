/**
 * The IAM adapter of {@link AccessKeys} on `@aws-sdk/client-iam` (one client, injected). API:
 * - CreateAccessKey returns the only copy of the secret; `LimitExceededException` when the user
 *   already has two keys (https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateAccessKey.html,
 *   quotas: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html).
 * - GetAccessKeyLastUsed: `LastUsedDate` absent and `ServiceName`/`Region` = `N/A` for a key never
 *   used (https://docs.aws.amazon.com/IAM/latest/APIReference/API_AccessKeyLastUsed.html).
 * - GetUser / DeleteAccessKey: `NoSuchEntityException` for a missing user or key.
 * Every command carries the request id in its user agent (./request-user-agent.ts).
 */
import {
  CreateAccessKeyCommand,
  DeleteAccessKeyCommand,
  GetAccessKeyLastUsedCommand,
  GetUserCommand,
  type IAMClient,
  ListAccessKeysCommand,
  ListUsersCommand,
  UpdateAccessKeyCommand,
} from '@aws-sdk/client-iam';
import type {
  AccessKeyInfo,
  AccessKeys,
  AwsCallContext,
  IamUser,
  KeyLastUse,
  NewAccessKey,
} from './access-keys.port';
import { AccessKeyLimitError, AccessKeyRotationError, awsErrorName } from './key-rotation.errors';
import { tagged } from './request-user-agent';

const NOT_APPLICABLE = 'N/A';
const iso = (d: Date | undefined) => (d ? d.toISOString() : new Date(0).toISOString());
const isNoSuchEntity = (error: unknown) => awsErrorName(error) === 'NoSuchEntityException';

export class IamAccessKeys implements AccessKeys {
  /** @param pathPrefix the IAM path of the users ChatOps may list (config `keyRotation.iamUserPath`) */
  constructor(
    private readonly iam: IAMClient,
    private readonly pathPrefix = '/',
  ) {}

  async getUser(userName: string, ctx: AwsCallContext): Promise<IamUser | undefined> {
    try {
      const { User } = await this.iam.send(tagged(new GetUserCommand({ UserName: userName }), ctx));
      return User?.Arn ? { userName: User.UserName ?? userName, arn: User.Arn } : undefined;
    } catch (error) {
      if (isNoSuchEntity(error)) return undefined;
      throw new AccessKeyRotationError('GetUser', userName, awsErrorName(error));
    }
  }

  async listUsers(ctx: AwsCallContext): Promise<string[]> {
    const names: string[] = [];
    let Marker: string | undefined;
    do {
      const page = await this.iam.send(
        tagged(new ListUsersCommand({ PathPrefix: this.pathPrefix, ...(Marker ? { Marker } : {}) }), ctx),
      );
      for (const user of page.Users ?? []) if (user.UserName) names.push(user.UserName);
      Marker = page.IsTruncated ? page.Marker : undefined;
    } while (Marker);
    return names;
  }

  async listKeys(userName: string, ctx: AwsCallContext): Promise<AccessKeyInfo[]> {
    const { AccessKeyMetadata } = await this.iam.send(
      tagged(new ListAccessKeysCommand({ UserName: userName }), ctx),
    );
    return (AccessKeyMetadata ?? []).flatMap((k) =>
      k.AccessKeyId
        ? [
            {
              accessKeyId: k.AccessKeyId,
              status: k.Status === 'Active' ? ('Active' as const) : ('Inactive' as const),
              createDate: iso(k.CreateDate),
            },
          ]
        : [],
    );
  }

  async lastUsed(accessKeyId: string, ctx: AwsCallContext): Promise<KeyLastUse> {
    const { AccessKeyLastUsed: used } = await this.iam.send(
      tagged(new GetAccessKeyLastUsedCommand({ AccessKeyId: accessKeyId }), ctx),
    );
    if (!used?.LastUsedDate) return {};
    return {
      at: used.LastUsedDate.toISOString(),
      ...(used.ServiceName && used.ServiceName !== NOT_APPLICABLE ? { serviceName: used.ServiceName } : {}),
      ...(used.Region && used.Region !== NOT_APPLICABLE ? { region: used.Region } : {}),
    };
  }

  async createKey(userName: string, ctx: AwsCallContext): Promise<NewAccessKey> {
    try {
      const { AccessKey } = await this.iam.send(
        tagged(new CreateAccessKeyCommand({ UserName: userName }), ctx),
      );
      if (!AccessKey?.AccessKeyId || !AccessKey.SecretAccessKey) {
        throw new AccessKeyRotationError('CreateAccessKey', userName, 'EmptyResponse');
      }
      return {
        userName,
        accessKeyId: AccessKey.AccessKeyId,
        secretAccessKey: AccessKey.SecretAccessKey,
        createDate: iso(AccessKey.CreateDate),
      };
    } catch (error) {
      if (error instanceof AccessKeyRotationError) throw error;
      if (awsErrorName(error) === 'LimitExceededException') throw new AccessKeyLimitError(userName);
      throw new AccessKeyRotationError('CreateAccessKey', userName, awsErrorName(error));
    }
  }

  async deactivateKey(userName: string, accessKeyId: string, ctx: AwsCallContext): Promise<void> {
    await this.iam.send(
      tagged(
        new UpdateAccessKeyCommand({ UserName: userName, AccessKeyId: accessKeyId, Status: 'Inactive' }),
        ctx,
      ),
    );
  }

  async deleteKey(
    userName: string,
    accessKeyId: string,
    ctx: AwsCallContext,
  ): Promise<'deleted' | 'not-found'> {
    try {
      await this.iam.send(
        tagged(new DeleteAccessKeyCommand({ UserName: userName, AccessKeyId: accessKeyId }), ctx),
      );
      return 'deleted';
    } catch (error) {
      if (isNoSuchEntity(error)) return 'not-found';
      throw error;
    }
  }
}
