/**
 * The Secrets Manager adapter of {@link KeyVault} on `@aws-sdk/client-secrets-manager`. Order, so
 * the value is never stored before only its owner can read it:
 * 1. CreateSecret without a value (name `<secretPrefix><user>`, `KmsKeyId` from config);
 *    `ResourceExistsException` means an earlier rotation made it: reuse it.
 * 2. PutResourcePolicy with `BlockPublicPolicy: true` (./secret-policy.ts); returns the ARN.
 * 3. PutSecretValue with the pair as JSON and a `ClientRequestToken` derived from the request id,
 *    so a retried call creates one version, not two.
 * (https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_CreateSecret.html,
 * API_PutResourcePolicy.html, API_PutSecretValue.html.) Any failure becomes AccessKeyStoreError
 * carrying the AWS error's name only; the caller rolls the new key back.
 */
import { createHash } from 'node:crypto';
import {
  CreateSecretCommand,
  PutResourcePolicyCommand,
  PutSecretValueCommand,
  type SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import type { AwsCallContext, IamUser, KeyVault, NewAccessKey, StoredKeyRef } from './access-keys.port';
import { AccessKeyStoreError, awsErrorName } from './key-rotation.errors';
import { tagged } from './request-user-agent';
import { keySecretPolicy } from './secret-policy';

export interface SecretsKeyVaultOptions {
  secretPrefix: string;
  kmsKeyId?: string;
  breakGlassRoleArn?: string;
}

/** The secret's name for a user: `chatops/access-keys/alice`. */
export function keySecretName(secretPrefix: string, userName: string): string {
  return `${secretPrefix}${userName}`;
}

/** A version token (32–64 characters) that is the same for every retry of one request. */
export function versionToken(requestId: string, accessKeyId: string): string {
  return createHash('sha256').update(`${requestId}:${accessKeyId}`).digest('hex');
}

export class SecretsKeyVault implements KeyVault {
  constructor(
    private readonly secrets: SecretsManagerClient,
    private readonly options: SecretsKeyVaultOptions,
  ) {}

  async store(key: NewAccessKey, owner: IamUser, ctx: AwsCallContext): Promise<StoredKeyRef> {
    const name = keySecretName(this.options.secretPrefix, key.userName);
    try {
      await this.ensureSecret(name, key.userName, ctx);
      const { ARN } = await this.secrets.send(
        tagged(
          new PutResourcePolicyCommand({
            SecretId: name,
            ResourcePolicy: keySecretPolicy(owner.arn, this.options.breakGlassRoleArn),
            BlockPublicPolicy: true,
          }),
          ctx,
        ),
      );
      await this.secrets.send(
        tagged(
          new PutSecretValueCommand({
            SecretId: name,
            SecretString: JSON.stringify({
              UserName: key.userName,
              AccessKeyId: key.accessKeyId,
              SecretAccessKey: key.secretAccessKey,
              CreateDate: key.createDate,
            }),
            ClientRequestToken: versionToken(ctx.requestId, key.accessKeyId),
          }),
          ctx,
        ),
      );
      return { name, arn: ARN ?? name };
    } catch (error) {
      // The cause is not kept: an SDK error may carry the request it failed on.
      throw new AccessKeyStoreError(key.userName, awsErrorName(error));
    }
  }

  private async ensureSecret(name: string, userName: string, ctx: AwsCallContext): Promise<void> {
    try {
      await this.secrets.send(
        tagged(
          new CreateSecretCommand({
            Name: name,
            Description: `Access key of IAM user ${userName}, stored by ChatOps; readable only by ${userName}.`,
            ...(this.options.kmsKeyId ? { KmsKeyId: this.options.kmsKeyId } : {}),
            Tags: [
              { Key: 'chatops:iam-user', Value: userName },
              { Key: 'chatops:request', Value: ctx.requestId },
            ],
          }),
          ctx,
        ),
      );
    } catch (error) {
      if (awsErrorName(error) !== 'ResourceExistsException') throw error;
    }
  }
}
